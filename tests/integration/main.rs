//! The one integration test binary (one link step for all of them).

mod docs;
mod fixtures;
mod plfunding;
