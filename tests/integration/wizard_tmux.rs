//! The wizard on a real terminal screen: tmux runs `claimtool cpor new` in
//! a narrow window, keys are typed with `send-keys` and the screen is read
//! back with `capture-pane`, so the test sees what a person sees after the
//! terminal has applied every redraw (a byte stream, as rexpect gives,
//! cannot show a stale line left behind). Skipped, saying so, where tmux is
//! missing, except under `CI=true` (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::support::repo;

const TENANT: &str = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";

/// One tmux server of its own (a socket in a temporary folder), killed
/// when the test ends, also when it fails.
struct Screen {
    socket: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Screen {
    /// `claimtool ARGS` in `dir` in a `width`x40 window.
    fn start(dir: &Path, width: u16, args: &str) -> Option<Screen> {
        if !tmux_available() {
            return None;
        }
        let sockets = tempfile::tempdir().unwrap();
        let screen = Screen {
            socket: sockets.path().join("tmux"),
            _dir: sockets,
        };
        let binary = env!("CARGO_BIN_EXE_claimtool");
        // `env` because the tmux server does not pass the test's environment
        // on; the pane stays after claimtool ends (`remain-on-exit`), so a
        // failure shows the last screen.
        let shell = format!(
            "env NO_COLOR=1 TERM=xterm-256color CLAIMTOOL_TODAY=2026-11-26 {binary} {args}"
        );
        let status = Command::new("tmux")
            .arg("-u")
            .arg("-S")
            .arg(&screen.socket)
            .args(["-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", "40", "-c"])
            .arg(dir)
            .arg(shell)
            .args([";", "set-option", "-t", "0", "remain-on-exit", "on"])
            .status()
            .expect("run tmux");
        assert!(status.success(), "tmux new-session failed");
        Some(screen)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen as text, one string per row.
    fn capture(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until `text` is on the screen; panics with the screen if it
    /// never comes.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "waiting for {text:?}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for `prompt`, types `reply` (literally), waits until it is
    /// echoed on screen, then presses Enter.
    fn answer(&self, prompt: &str, reply: &str) {
        self.wait_for(prompt);
        if !reply.is_empty() {
            self.tmux(&["send-keys", "-t", "0", "-l", reply]);
            self.wait_for(reply);
        }
        self.tmux(&["send-keys", "-t", "0", "Enter"]);
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// Whether tmux runs here; under CI it must (.ci/run installs it).
fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "tmux is required under CI=true (.ci/run installs it)"
        );
        eprintln!("tmux not available: skipping the on-screen wizard test (apt-get install tmux)");
    }
    ok
}

#[test]
fn a_prompt_wider_than_the_terminal_leaves_no_stale_copy_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("poe")).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/docs/signed-sow.pdf"),
        dir.path().join("poe/sow.pdf"),
    )
    .unwrap();
    // 60 columns: "Customer tenant ID (a GUID: Entra admin center >
    // Overview)" and a GUID being typed do not fit on one line.
    let Some(screen) = Screen::start(dir.path(), 60, "cpor new --out contoso.toml") else {
        return;
    };
    screen.answer("Claim name", "Contoso - Microsoft 365 E5 rollout");
    screen.answer("Partner location", "4871236");
    screen.answer("Customer name", "Contoso Ltd");
    screen.answer("Customer tenant ID", TENANT);
    let shown = screen.wait_for("Customer domain");
    if std::env::var_os("SHOW_SCREEN").is_some() {
        eprintln!("{shown}");
    }
    let rows: Vec<&str> = shown.lines().collect();
    let full_prompt = rows
        .iter()
        .filter(|r| r.contains("Entra admin center"))
        .count();
    assert_eq!(
        full_prompt, 1,
        "the long prompt is on screen once, never a stale wrapped copy:\n{shown}"
    );
    let answered: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains("Customer tenant ID"))
        .collect();
    assert!(
        answered.iter().any(|r| r.contains(TENANT)),
        "the answer is shown beside its question:\n{shown}"
    );
    assert!(
        !answered.iter().any(|r| r.starts_with('?')),
        "no unanswered copy of the question is left behind:\n{shown}"
    );
}

/// In a 60-column terminal the wizard's notes break between words, as
/// `textwrap` breaks them at that width, never mid-word where the terminal
/// would cut them ("... to clear an option" / "al one.").
#[test]
fn notes_wrap_between_words_in_a_narrow_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some(screen) = Screen::start(dir.path(), 60, "cpor new --out contoso.toml") else {
        return;
    };
    let shown = screen.wait_for("Claim name");
    let rows: Vec<&str> = shown.lines().map(str::trim_end).collect();
    for note in [
        "Partner Center > Incentives > Customer claims > Add customer, screen by screen.",
        "Enter keeps the value in brackets; type - to clear an optional one.",
    ] {
        let expected = textwrap::wrap(note, 60);
        assert!(expected.len() > 1, "the note fits in 60 columns: {note}");
        for line in &expected {
            assert!(
                rows.contains(&line.as_ref()),
                "{line:?} is not a row of its own:\n{shown}"
            );
        }
    }
    assert!(!rows.contains(&"al one."), "a word was cut:\n{shown}");
}
