//! The `claimtool` binary: parse the command line, run, exit 0/1/2.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
