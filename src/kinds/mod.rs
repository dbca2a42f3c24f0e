//! The claim kinds, one folder each.
pub mod coop;
pub mod cpor;
pub mod plfunding;
pub mod score;
