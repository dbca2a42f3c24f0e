//! Reporters: one [`crate::engine::Report`] rendered for people or machines.
//! Each format is one module with a `render` function returning the text
//! for stdout, so tests can parse it back.

pub mod ci;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
