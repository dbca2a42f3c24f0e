//! Driving the wizards in a real pseudo-terminal (rexpect), the way a
//! person does: wait for a prompt, then type an answer or press keys. One
//! copy for every wizard's pty tests.

use std::path::Path;
use std::time::Duration;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::support::Test;

/// The down-arrow key.
pub(crate) const DOWN: &str = "\x1b[B";

/// `claimtool ARGS` in `dir`, today being 2026-11-26, in a pty.
pub(crate) fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    let cmd = Test::new()
        .current_dir(dir)
        .today("2026-11-26")
        .args(args)
        .command();
    spawn_command(cmd, Some(30_000)).expect("spawn claimtool in a pty")
}

/// The exit code of a session that has ended.
pub(crate) fn exit_code(s: &PtySession) -> i32 {
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("not a normal exit: {other:?}"),
    }
}

/// Waits for `prompt`, then types `reply` and Enter.
pub(crate) fn answer(s: &mut PtySession, prompt: &str, reply: &str) {
    s.exp_string(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    s.send_line(reply).unwrap();
}

/// Keys for a select, multi-select or confirm, one at a time.
pub(crate) fn keys(s: &mut PtySession, prompt: &str, keys: &[&str]) {
    s.exp_string(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    for k in keys {
        s.send(k).unwrap();
        s.flush().unwrap();
        std::thread::sleep(Duration::from_millis(50));
    }
}
