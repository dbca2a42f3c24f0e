//! The one integration test binary (one link step for all of them).

mod docs;
mod file_too_large;
mod fixtures;
