//! Running the program under test.
//!
//! Two rules shape this file. First, a grader never leaves a process behind: every program it
//! starts is killed when the value that owns it is dropped, which also happens when a check
//! panics, and the runner kills whatever a check still owns when its time limit runs out. On
//! Linux the program also dies with the grader (`PR_SET_PDEATHSIG`) if the grader itself is
//! killed, since it runs in a process group of its own and so never sees the terminal's Ctrl-C.
//! Second, a grader never blocks forever on a program: stdout and stderr are read by threads,
//! and every wait has a deadline.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::failure::{Failure, Step};
use crate::text::escape;

/// How long a program may take to print its `listening on ADDR` line.
pub const STARTUP_LIMIT: Duration = Duration::from_secs(10);
/// The most stderr kept from one program: enough for its last lines, bounded for a chatty one.
const STDERR_KEEP: usize = 64 * 1024;

/// The programs a check has started, so the runner can kill them when the check runs out of
/// time, and show their stderr when it fails.
#[derive(Clone, Default)]
pub struct Registry {
    inner: Arc<Mutex<RegistryInner>>,
}

#[derive(Default)]
struct RegistryInner {
    /// Process group ids still running, by pid.
    running: HashMap<u32, i32>,
    /// The stderr of every program started, newest last.
    stderr: Vec<Arc<Mutex<Vec<u8>>>>,
}

impl Registry {
    /// Keeps the stderr of a program that already finished, for the report.
    pub(crate) fn add_stderr(&self, stderr: Vec<u8>) {
        lock(&self.inner).stderr.push(Arc::new(Mutex::new(stderr)));
    }

    fn add(&self, pid: u32, stderr: Arc<Mutex<Vec<u8>>>) {
        let mut inner = lock(&self.inner);
        inner.running.insert(pid, pid as i32);
        inner.stderr.push(stderr);
    }

    fn remove(&self, pid: u32) {
        lock(&self.inner).running.remove(&pid);
    }

    /// Kills every program still running. Used when a check's time is up.
    pub fn kill_all(&self) {
        for (_, group) in lock(&self.inner).running.drain() {
            kill_group(group);
        }
    }

    /// The last lines of the most recently started program's stderr.
    pub fn last_stderr(&self) -> Option<String> {
        let inner = lock(&self.inner);
        let buf = inner.stderr.last()?;
        let text = String::from_utf8_lossy(&lock(buf)).into_owned();
        Some(text)
    }
}

/// Locks a mutex, also after another thread panicked while holding it: a check that panics
/// must not stop the grader from cleaning up.
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn kill_group(group: i32) {
    // SAFETY: kill(2) has no memory-safety preconditions; a negative pid names the process
    // group this grader created for the program, so nothing else is signalled.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
}

/// A command set up so that the program and everything it starts can be killed as one.
pub(crate) fn command(program: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
        #[cfg(target_os = "linux")]
        // SAFETY: the closure runs in the child between fork and exec and only calls
        // prctl(2), which is async-signal-safe and touches no memory of ours.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
    }
    cmd
}

/// A program started by a check, killed when this value is dropped.
pub struct Spawned {
    lang: Lang,
    child: Child,
    registry: Registry,
    stdout: Receiver<Vec<u8>>,
    stdout_closed: bool,
    stderr: Arc<Mutex<Vec<u8>>>,
    /// The program's stdin, when the check feeds it (see [`Spawned::start_interactive`]).
    stdin: Option<ChildStdin>,
}

impl Spawned {
    pub(crate) fn start(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
    ) -> Result<Spawned, Failure> {
        Self::start_with(lang, registry, program, args, false)
    }

    /// Like `start`, but the check can write to the program's stdin and close it.
    pub(crate) fn start_interactive(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
    ) -> Result<Spawned, Failure> {
        Self::start_with(lang, registry, program, args, true)
    }

    fn start_with(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
        interactive: bool,
    ) -> Result<Spawned, Failure> {
        let mut child = command(program, args)
            .stdin(if interactive { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                Failure::new(lang.pick(
                    format!("could not start {}: {e}", program.display()),
                    format!("{}을(를) 실행하지 못했습니다: {e}", program.display()),
                ))
                .cause(lang.pick(
                    "Check that the program exists and is executable (LABNN_BIN, if you set it).",
                    "프로그램이 있는지, 실행 권한이 있는지 확인하세요(LABNN_BIN을 설정했다면 그 경로도).",
                ))
            })?;

        let stderr = Arc::new(Mutex::new(Vec::new()));
        registry.add(child.id(), stderr.clone());

        let (tx, stdout) = mpsc::channel();
        let out = child.stdout.take().expect("stdout is piped");
        thread::spawn(move || {
            let mut out = BufReader::new(out);
            loop {
                let mut line = Vec::new();
                match out.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let mut err = child.stderr.take().expect("stderr is piped");
        let sink = stderr.clone();
        thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = err.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                let mut kept = lock(&sink);
                kept.extend_from_slice(&chunk[..n]);
                if kept.len() > STDERR_KEEP {
                    let cut = kept.len() - STDERR_KEEP;
                    kept.drain(..cut);
                }
            }
        });

        let stdin = child.stdin.take();
        Ok(Spawned {
            lang,
            stdin,
            child,
            registry: registry.clone(),
            stdout,
            stdout_closed: false,
            stderr,
        })
    }

    /// The program's process id (for reading /proc/PID, say).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes to the program's stdin (started with `Ctx::spawn_interactive`).
    pub fn write_stdin(&mut self, data: &[u8]) -> Result<(), Failure> {
        let lang = self.lang;
        let Some(stdin) = self.stdin.as_mut() else {
            return Err(Failure::new(
                "stdin was not piped (use Ctx::spawn_interactive)",
            ));
        };
        stdin
            .write_all(data)
            .and_then(|()| stdin.flush())
            .map_err(|e| {
                Failure::new(lang.pick(
                    format!("writing to the program's stdin failed: {e}"),
                    format!("프로그램의 stdin에 쓰지 못했습니다: {e}"),
                ))
                .sent(crate::text::show(lang, data))
            })
    }

    /// Closes the program's stdin: its next read of stdin returns EOF.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// The next line the program prints on stdout, without its line ending. `Ok(None)` when
    /// stdout was closed (the program exited); an error when no line came within `limit`.
    pub fn next_line(&mut self, limit: Duration) -> Result<Option<String>, Duration> {
        if self.stdout_closed {
            return Ok(None);
        }
        match self.stdout.recv_timeout(limit) {
            Ok(line) => {
                let text = String::from_utf8_lossy(&line);
                Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
            }
            Err(RecvTimeoutError::Disconnected) => {
                self.stdout_closed = true;
                Ok(None)
            }
            Err(RecvTimeoutError::Timeout) => Err(limit),
        }
    }

    /// Waits for the first line of stdout to be `listening on ADDR` and returns ADDR.
    pub fn wait_for_listening(&mut self) -> Result<SocketAddr, Failure> {
        let lang = self.lang;
        let expected = lang.pick(
            "a first line `listening on ADDR` on stdout within 10 s",
            "10초 안에 stdout 첫 줄로 `listening on ADDR`",
        );
        let line = match self.next_line(STARTUP_LIMIT) {
            Ok(Some(line)) => line,
            Ok(None) => {
                return Err(self
                    .exit_failure(lang.pick(
                        "the program exited before it announced its address",
                        "프로그램이 주소를 알리기 전에 끝났습니다",
                    ))
                    .expected(expected));
            }
            Err(_) => {
                return Err(Failure::new(lang.pick(
                    "the program printed no `listening on ADDR` line within 10 s",
                    "프로그램이 10초 안에 `listening on ADDR` 줄을 출력하지 않았습니다",
                ))
                .expected(expected)
                .got(lang.pick("nothing on stdout", "stdout에 아무것도 없음"))
                .cause(lang.pick(
                    "Print the line with println! right after listen() succeeds, then flush stdout: when stdout is a pipe, Rust buffers it until you do.",
                    "listen()이 성공한 직후 println!으로 그 줄을 출력하고 stdout을 flush하세요. stdout이 파이프(pipe)이면 flush하기 전까지 버퍼에 남아 있습니다.",
                )));
            }
        };
        parse_listening(lang, &line)
    }

    /// The program's exit status, if it has exited (waits up to `limit` for it).
    pub fn exit_status(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// A failure that explains why the program exited, from its status and stderr.
    pub fn exit_failure(&mut self, problem: impl Into<String>) -> Failure {
        let lang = self.lang;
        let status = self.exit_status(Duration::from_secs(2));
        // Give the stderr reader a moment to collect the last words.
        thread::sleep(Duration::from_millis(50));
        let stderr = String::from_utf8_lossy(&lock(&self.stderr)).into_owned();
        let mut failure = Failure::new(problem).got(match status {
            Some(status) => describe_exit(lang, status),
            None => lang.pick(
                "stdout closed, but the program is still running".to_string(),
                "stdout은 닫혔지만 프로그램은 아직 실행 중".to_string(),
            ),
        });
        if let Some(cause) = explain_stderr(lang, &stderr) {
            failure = failure.cause(cause);
        }
        failure
    }

    /// The last `n` lines of what the program wrote to stderr so far.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stderr)).into_owned()
    }

    /// Kills the program now (it is also killed on drop).
    pub fn kill(&mut self) {
        kill_group(self.child.id() as i32);
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.registry.remove(self.child.id());
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Reads `listening on ADDR` and checks that ADDR is a real, bound address.
fn parse_listening(lang: Lang, line: &str) -> Result<SocketAddr, Failure> {
    let expected = lang.pick(
        "`listening on ADDR`, with ADDR the address really bound (for example `listening on 127.0.0.1:40231`)",
        "`listening on ADDR` (ADDR은 실제로 바인드된 주소, 예: `listening on 127.0.0.1:40231`)",
    );
    let got = format!("\"{}\"", escape(line.as_bytes()));
    let Some(rest) = line.strip_prefix("listening on ") else {
        return Err(Failure::new(lang.pick(
            "the first line of stdout is not `listening on ADDR`",
            "stdout의 첫 줄이 `listening on ADDR`가 아닙니다",
        ))
        .expected(expected)
        .got(got)
        .cause(lang.pick(
            "The grader reads the address from this exact line; print nothing on stdout before it (logs go to stderr).",
            "채점기는 바로 이 줄에서 주소를 읽습니다. 그 앞에는 stdout에 아무것도 출력하지 마세요(로그는 stderr로).",
        )));
    };
    let addr: SocketAddr = rest.trim().parse().map_err(|_| {
        Failure::new(lang.pick(
            "the address after `listening on` is not IP:PORT",
            "`listening on` 뒤의 주소가 IP:PORT 형식이 아닙니다",
        ))
        .expected(expected)
        .got(got.clone())
    })?;
    if addr.port() == 0 {
        return Err(Failure::new(lang.pick(
            "the program announced port 0, which is not the port it listens on",
            "프로그램이 포트 0을 알렸지만, 실제로 수신 대기하는 포트는 0이 아닙니다",
        ))
        .expected(expected)
        .got(got)
        .cause(lang.pick(
            "Port 0 asks the kernel to pick a free port. Print the address the socket really got, from local_addr(), not the one you asked for.",
            "포트 0은 커널에게 빈 포트를 골라 달라는 뜻입니다. 요청한 주소가 아니라 local_addr()로 읽은, 실제로 할당된 주소를 출력하세요.",
        )));
    }
    Ok(addr)
}

/// Says how a program ended: its exit code, or the signal that killed it.
pub fn describe_exit(lang: Lang, status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return lang.pick(
            format!("the program exited with code {code}"),
            format!("프로그램이 종료 코드 {code}로 끝났습니다"),
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return lang.pick(
                format!("the program was killed by signal {signal}"),
                format!("프로그램이 시그널 {signal}로 종료되었습니다"),
            );
        }
    }
    format!("{status}")
}

/// Recognises the common reasons a program died from its stderr: the starter's `todo!()`, a
/// panic, or an address already in use.
pub fn explain_stderr(lang: Lang, stderr: &str) -> Option<String> {
    let panic_line = stderr
        .lines()
        .skip_while(|l| !l.contains("panicked at"))
        .nth(1)
        .map(str::trim)
        .unwrap_or("");
    if stderr.contains("not yet implemented") || stderr.contains("not implemented") {
        return Some(lang.pick(
            format!(
                "The program stopped at a todo!() of the starter ({panic_line}). That part is yours to write: work through the TODO list at the top of the lab's src/main.rs."
            ),
            format!(
                "프로그램이 스타터(starter)의 todo!()에서 멈췄습니다({panic_line}). 그 부분은 직접 작성해야 합니다. 실습의 src/main.rs 맨 위에 있는 TODO 목록을 차례로 구현하세요."
            ),
        ));
    }
    if stderr.contains("panicked at") {
        return Some(lang.pick(
            format!(
                "The program panicked: {panic_line}. A server must turn errors into messages (or drop the one connection), not crash."
            ),
            format!(
                "프로그램이 패닉(panic)했습니다: {panic_line}. 서버는 오류를 메시지로 바꾸거나 그 연결 하나만 정리해야 하며, 죽으면 안 됩니다."
            ),
        ));
    }
    if stderr.contains("Address already in use") || stderr.contains("os error 98") {
        return Some(lang.pick(
            "The address was still in use. If the port was used a moment ago, turn on SO_REUSEADDR before bind().",
            "주소가 아직 사용 중이었습니다. 방금 쓰던 포트라면 bind() 전에 SO_REUSEADDR를 켜야 합니다.",
        ).to_string());
    }
    None
}

/// The last `n` lines of a text, each cut to a readable width, for a failure report.
pub fn tail(text: &str, n: usize) -> Vec<String> {
    // A Rust backtrace (RUST_BACKTRACE=1) buries the panic message; the lines before it
    // are the ones that explain.
    let text = match text.find("stack backtrace:") {
        Some(at) => &text[..at],
        None => text,
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| {
            if l.chars().count() > 160 {
                let cut: String = l.chars().take(160).collect();
                format!("{cut}…")
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// A step that shows the program's stderr, for checks that want it in the middle of a report.
pub fn stderr_step(lang: Lang, stderr: &str) -> Step {
    let lines = tail(stderr, 6);
    if lines.is_empty() {
        Step::Note(
            lang.pick("stderr: (empty)", "stderr: (비어 있음)")
                .to_string(),
        )
    } else {
        Step::Note(format!("stderr: {}", lines.join(" ⏎ ")))
    }
}
