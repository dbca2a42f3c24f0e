//! The one integration test binary (one link step for all of them).

mod cli;
mod docs;
mod fixtures;
mod robustness;
