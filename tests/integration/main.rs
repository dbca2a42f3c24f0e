//! The one integration test binary (one link step for all of them).

mod coop;
mod docs;
mod fixtures;
