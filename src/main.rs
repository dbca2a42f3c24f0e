//! The `claimtool` binary: parse the command line, run, exit 0/1/2.

mod cli;

// A folder check makes millions of small allocations from several threads;
// mimalloc makes `validate` of 10,000 files about a quarter faster than the
// system allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, which turns `claimtool ... | head` into a panic
    // on the next write; restore the default so the process ends quietly.
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is
    // a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::main()
}
