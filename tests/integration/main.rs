//! The one integration test binary (one link step for all of them).

mod bundle;
mod docs;
mod fixtures;
