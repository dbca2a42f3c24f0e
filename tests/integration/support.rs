//! One way to run the `claimtool` binary in tests: [`Test`], a builder in
//! the manner of just's `tests/test.rs`, and [`Run`], the finished run with
//! assertions that show the command line, exit code, stdout and stderr when
//! they fail.
//!
//! ```ignore
//! let run = Test::new()
//!     .args(["validate", "claim.toml", "--format", "json"])
//!     .today("2026-11-26")
//!     .current_dir(dir.path())
//!     .run();
//! run.code(1).stdout_contains("cpor-tenant-id");
//! assert_eq!(run.stdout_json()["summary"]["errors"], 1);
//! ```
//!
//! Every run starts from the same environment, so neither the clock nor the
//! terminal of the machine running the tests leaks into a result: the
//! repository root as the working folder, `CLAIMTOOL_TODAY` and
//! `CLICOLOR_FORCE` removed, `NO_COLOR=1`, stdin closed (not a terminal),
//! and a timeout of two minutes (a run that waits for input fails instead of
//! hanging the suite).
//!
//! The pseudo-terminal tests take the same set-up as a plain
//! [`std::process::Command`] from [`Test::command`] to hand to rexpect.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The repository root (where `examples/` and `tests/fixtures/` are).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// How to run the binary once. Build it up, then [`run`](Test::run) it.
#[must_use]
pub(crate) struct Test {
    args: Vec<OsString>,
    today: Option<String>,
    dir: PathBuf,
    env: Vec<(OsString, Option<OsString>)>,
    stdin: Option<Vec<u8>>,
    stdout: Option<std::fs::File>,
    timeout: Duration,
    wrapper: Vec<OsString>,
}

impl Test {
    pub(crate) fn new() -> Self {
        Test {
            args: Vec::new(),
            today: None,
            dir: repo(),
            env: vec![
                ("CLAIMTOOL_TODAY".into(), None),
                ("CLICOLOR_FORCE".into(), None),
                ("NO_COLOR".into(), Some("1".into())),
            ],
            stdin: None,
            stdout: None,
            timeout: Duration::from_secs(120),
            wrapper: Vec::new(),
        }
    }

    pub(crate) fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    pub(crate) fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// `--today DATE`, given first (a global option, before the subcommand).
    pub(crate) fn today(mut self, date: &str) -> Self {
        self.today = Some(date.to_string());
        self
    }

    /// The working folder (default: the repository root).
    pub(crate) fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = dir.as_ref().to_path_buf();
        self
    }

    pub(crate) fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    pub(crate) fn env_remove(mut self, key: impl Into<OsString>) -> Self {
        self.env.push((key.into(), None));
        self
    }

    /// Bytes on stdin, through a pipe closed after them (default: no stdin).
    pub(crate) fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Stdout to this file instead of captured (e.g. `/dev/full`).
    pub(crate) fn stdout_to(mut self, file: std::fs::File) -> Self {
        self.stdout = Some(file);
        self
    }

    pub(crate) fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Runs the binary under another program (`strace -f ... claimtool
    /// ARGS`): `wrapper` is that program and its arguments.
    pub(crate) fn wrapped_in<I, S>(mut self, wrapper: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.wrapper = wrapper.into_iter().map(Into::into).collect();
        self
    }

    /// The command line as the user would type it, for failure messages.
    fn line(&self) -> String {
        let mut line = format!("(in {})", self.dir.display());
        for arg in &self.wrapper {
            write!(line, " {}", arg.to_string_lossy()).unwrap();
        }
        line.push_str(" claimtool");
        if let Some(today) = &self.today {
            write!(line, " --today {today}").unwrap();
        }
        for arg in &self.args {
            write!(line, " {}", arg.to_string_lossy()).unwrap();
        }
        line
    }

    /// The configured command, stdio left alone (for rexpect's pty).
    pub(crate) fn command(&self) -> Command {
        let binary = env!("CARGO_BIN_EXE_claimtool");
        let mut cmd = match self.wrapper.split_first() {
            Some((program, args)) => {
                let mut cmd = Command::new(program);
                cmd.args(args).arg(binary);
                cmd
            }
            None => Command::new(binary),
        };
        cmd.current_dir(&self.dir);
        for (key, value) in &self.env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        if let Some(today) = &self.today {
            cmd.args(["--today", today]);
        }
        cmd.args(&self.args);
        cmd
    }

    /// Runs the binary to its end (or the timeout) and captures its output.
    pub(crate) fn run(mut self) -> Run {
        let line = self.line();
        let mut cmd = self.command();
        cmd.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(match self.stdout.take() {
            Some(file) => Stdio::from(file),
            None => Stdio::piped(),
        })
        .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("{line}: cannot start: {e}"));
        if let (Some(bytes), Some(mut pipe)) = (self.stdin.take(), child.stdin.take()) {
            // A child that exits without reading closes the pipe: not an error here.
            std::thread::spawn(move || pipe.write_all(&bytes));
        }
        let read = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    pipe.read_to_end(&mut bytes).unwrap();
                }
                bytes
            })
        };
        let stdout = read(child.stdout.take().map(|p| Box::new(p) as _));
        let stderr = read(child.stderr.take().map(|p| Box::new(p) as _));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > self.timeout {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{line}: still running after {:?}", self.timeout);
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        Run {
            line,
            code: status.code(),
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        }
    }
}

/// A finished run. The assertions return `&Self` to chain.
pub(crate) struct Run {
    line: String,
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        panic!(
            "{}\n{what}\nexit code: {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.line,
            self.code,
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr),
        )
    }

    /// Asserts the exit code.
    #[track_caller]
    pub(crate) fn code(&self, expected: i32) -> &Self {
        if self.code != Some(expected) {
            self.fail(&format!("expected exit code {expected}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn success(&self) -> &Self {
        self.code(0)
    }

    /// The exit code (`None` if killed by a signal), for tests that compare it.
    pub(crate) fn exit_code(&self) -> Option<i32> {
        self.code
    }

    /// Stdout, which must be UTF-8.
    #[track_caller]
    pub(crate) fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).unwrap_or_else(|e| self.fail(&format!("stdout: {e}")))
    }

    #[track_caller]
    pub(crate) fn stderr(&self) -> &str {
        std::str::from_utf8(&self.stderr).unwrap_or_else(|e| self.fail(&format!("stderr: {e}")))
    }

    pub(crate) fn stdout_bytes(&self) -> &[u8] {
        &self.stdout
    }

    /// Stdout parsed as one JSON document.
    #[track_caller]
    pub(crate) fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| self.fail(&format!("stdout is not JSON: {e}")))
    }

    #[track_caller]
    pub(crate) fn stdout_contains(&self, needle: &str) -> &Self {
        if !self.stdout().contains(needle) {
            self.fail(&format!("stdout lacks {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stdout_lacks(&self, needle: &str) -> &Self {
        if self.stdout().contains(needle) {
            self.fail(&format!("stdout contains {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stdout_is(&self, expected: &str) -> &Self {
        if self.stdout() != expected {
            self.fail(&format!("stdout is not {expected:?}"));
        }
        self
    }

    #[track_caller]
    pub(crate) fn stderr_contains(&self, needle: &str) -> &Self {
        if !self.stderr().contains(needle) {
            self.fail(&format!("stderr lacks {needle:?}"));
        }
        self
    }
}
