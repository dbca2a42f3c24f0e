//! Reporters: a run's findings rendered for people or machines.
//! Each format is one module with a `write` function that streams to
//! stdout and a `render` function returning the text, so tests can parse
//! it back. Both take any [`crate::engine::ReportSource`]: a
//! [`crate::engine::Report`] held in memory, or a
//! [`crate::streamed::Streamed`] run whose files are read back one at a
//! time; a reporter holds one file at a time and learns the counts (JUnit's
//! header, the summaries) before the files.

/// The write buffer every reporter puts in front of its output: reports
/// run to megabytes, and stdout's own buffer would write them a line or a
/// few kilobytes at a time (the 5,000-claim benchmark's JSON run made
/// 2,009 write calls; 249 with this).
pub const OUTPUT_BUFFER: usize = 64 * 1024;

pub mod ci;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
