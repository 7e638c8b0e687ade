//! Running the program under test.
//!
//! Two rules shape this file. First, a grader never leaves a process behind: every program it
//! starts is killed when the value that owns it is dropped, which also happens when a check
//! panics, and the runner kills whatever a check still owns when its time limit runs out. On
//! Linux the program also dies with the grader (`PR_SET_PDEATHSIG`) if the grader itself is
//! killed, since it runs in a process group of its own and so never sees the terminal's Ctrl-C.
//! Second, a grader never blocks forever on a program: stdout and stderr are read by threads,
//! and every wait has a deadline. Third, a process group is only signalled while its leader
//! has not been reaped: the leader's pid is the group's id, and once the leader is reaped the
//! kernel may give that number to an unrelated program. So an exit is first observed without
//! reaping (`waitid` with `WNOWAIT`), the group is killed while the zombie leader still holds
//! its id, and only then is the leader reaped.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
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
/// time, show their stderr when it fails, and judge what they did when it passes.
#[derive(Clone, Default)]
pub struct Registry {
    inner: Arc<Mutex<RegistryInner>>,
}

#[derive(Default)]
struct RegistryInner {
    /// Process group ids of programs not reaped yet, by pid. An entry leaves this map in the
    /// same critical section that reaps its leader, so `kill_all` never signals a group
    /// whose id may have been recycled.
    running: HashMap<u32, i32>,
    /// Every program started, oldest first.
    records: Vec<Record>,
}

/// What the registry remembers of one program.
#[derive(Clone)]
struct Record {
    pid: u32,
    stderr: Arc<Mutex<Vec<u8>>>,
    /// Set by the stderr reader once the program's stderr is closed: nothing more will come.
    stderr_done: Arc<AtomicBool>,
    /// A server must serve until the grader stops it (see [`Spawned::must_keep_running`]).
    must_keep_running: Arc<AtomicBool>,
    /// How the program ended, once it has: on its own (its status) or stopped by the grader.
    ended: Arc<Mutex<Option<Ended>>>,
}

/// How a program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// It exited (or was killed by a signal the grader did not send) on its own.
    OnItsOwn(ExitStatus),
    /// The grader stopped it.
    Stopped,
}

/// A server that ended on its own during a check: its pid, how it ended, and its stderr.
pub struct EarlyExit {
    pub pid: u32,
    pub status: ExitStatus,
    pub stderr: String,
}

impl Registry {
    fn add(&self, pid: u32, record: Record) {
        let mut inner = lock(&self.inner);
        inner.running.insert(pid, pid as i32);
        inner.records.push(record);
    }

    /// Kills every program still running. Used when a check's time is up.
    pub fn kill_all(&self) {
        for (_, group) in lock(&self.inner).running.drain() {
            // The leaders are not reaped yet (reaping removes them from `running` under this
            // lock), so every group id here still names the group this grader created.
            kill_group(group);
        }
    }

    /// The last lines of the most recently started program's stderr.
    pub fn last_stderr(&self) -> Option<String> {
        let inner = lock(&self.inner);
        let record = inner.records.last()?;
        let text = String::from_utf8_lossy(&lock(&record.stderr)).into_owned();
        Some(text)
    }

    /// Waits up to `limit` until every program's stderr is closed, so that what a program
    /// wrote just before it was stopped is there to read.
    pub fn wait_for_stderr(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let flags: Vec<Arc<AtomicBool>> = lock(&self.inner)
            .records
            .iter()
            .map(|r| r.stderr_done.clone())
            .collect();
        while Instant::now() < deadline && !flags.iter().all(|f| f.load(Ordering::SeqCst)) {
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// The first panic any program of this check reported on stderr.
    pub fn first_panic(&self) -> Option<Panic> {
        let inner = lock(&self.inner);
        inner.records.iter().find_map(|r| {
            let text = String::from_utf8_lossy(&lock(&r.stderr)).into_owned();
            find_panic(&text)
        })
    }

    /// A server that exited on its own before the grader stopped it.
    pub fn early_exit(&self) -> Option<EarlyExit> {
        let inner = lock(&self.inner);
        inner.records.iter().find_map(|r| {
            if !r.must_keep_running.load(Ordering::SeqCst) {
                return None;
            }
            match *lock(&r.ended) {
                Some(Ended::OnItsOwn(status)) => Some(EarlyExit {
                    pid: r.pid,
                    status,
                    stderr: String::from_utf8_lossy(&lock(&r.stderr)).into_owned(),
                }),
                _ => None,
            }
        })
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

/// Limits the program under test runs with, where a check needs them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// The most file descriptors it may have open (RLIMIT_NOFILE, soft and hard: a program
    /// cannot raise it, as Go's runtime would raise a soft limit on its own).
    pub open_files: Option<u64>,
}

/// A command set up so that the program and everything it starts can be killed as one.
fn command(program: &Path, args: &[&str], limits: Limits) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
        // SAFETY: the closure runs in the child between fork and exec and only calls
        // prctl(2) and setrlimit(2), which are async-signal-safe, on values copied in.
        unsafe {
            cmd.pre_exec(move || {
                #[cfg(target_os = "linux")]
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                if let Some(n) = limits.open_files {
                    let limit = libc::rlimit {
                        rlim_cur: n as libc::rlim_t,
                        rlim_max: n as libc::rlim_t,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
    }
    cmd
}

/// Raises this process's soft limit on open files to its hard limit. A grader opens many
/// connections at once (500 in lab04), and macOS starts shells with a soft limit of 256;
/// the program under test inherits the raised limit too.
pub fn raise_open_file_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            // macOS refuses more than OPEN_MAX for the soft limit, whatever the hard limit.
            let wanted = limit.rlim_max.min(1 << 20);
            limit.rlim_cur = wanted;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
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
    /// The exit status, once the program has been reaped; no signal is sent after that.
    reaped: Option<ExitStatus>,
    must_keep_running: Arc<AtomicBool>,
    ended: Arc<Mutex<Option<Ended>>>,
    /// Set once the program's stderr is closed and read to its end.
    stderr_done: Arc<AtomicBool>,
}

impl Spawned {
    pub(crate) fn start(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
        limits: Limits,
    ) -> Result<Spawned, Failure> {
        Self::start_with(lang, registry, program, args, false, limits)
    }

    /// Like `start`, but the check can write to the program's stdin and close it.
    pub(crate) fn start_interactive(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
    ) -> Result<Spawned, Failure> {
        Self::start_with(lang, registry, program, args, true, Limits::default())
    }

    fn start_with(
        lang: Lang,
        registry: &Registry,
        program: &Path,
        args: &[&str],
        interactive: bool,
        limits: Limits,
    ) -> Result<Spawned, Failure> {
        let mut child = command(program, args, limits)
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
        let stderr_done = Arc::new(AtomicBool::new(false));
        let must_keep_running = Arc::new(AtomicBool::new(false));
        let ended = Arc::new(Mutex::new(None));
        registry.add(
            child.id(),
            Record {
                pid: child.id(),
                stderr: stderr.clone(),
                stderr_done: stderr_done.clone(),
                must_keep_running: must_keep_running.clone(),
                ended: ended.clone(),
            },
        );

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
        let done = stderr_done.clone();
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
            done.store(true, Ordering::SeqCst);
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
            reaped: None,
            must_keep_running,
            ended,
            stderr_done,
        })
    }

    /// Marks the program as a server: it must serve until the grader stops it, and a check
    /// during which it exits on its own fails, whatever else it saw.
    pub fn must_keep_running(&self) {
        self.must_keep_running.store(true, Ordering::SeqCst);
    }

    /// Undoes [`Spawned::must_keep_running`] for a program that is meant to exit by itself
    /// (a receiver started with a count, say).
    pub fn may_exit(&self) {
        self.must_keep_running.store(false, Ordering::SeqCst);
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

    /// Writes `input` to the program's stdin from a thread of its own, then closes it. A
    /// program that never reads stdin (or exits first) ends the thread with an error.
    pub fn feed_stdin(&mut self, input: Vec<u8>) {
        if let Some(mut stdin) = self.stdin.take() {
            thread::spawn(move || {
                let _ = stdin.write_all(&input);
            });
        }
    }

    /// Everything the program printed on stdout that has not been read as lines, waiting up
    /// to `limit` for the end of the output (the program should have exited).
    pub fn collect_stdout(&mut self, limit: Duration) -> Vec<u8> {
        let deadline = Instant::now() + limit;
        let mut out = Vec::new();
        while !self.stdout_closed {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) => out.extend_from_slice(&line),
                Err(RecvTimeoutError::Disconnected) => self.stdout_closed = true,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        out
    }

    /// Everything the program wrote to stderr, once it has exited: waits up to `limit` for
    /// the program to exit and for its stderr to be read to the end, so that its last words
    /// (written just before it exited) are never missed.
    pub fn stderr_after_exit(&mut self, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        let _ = self.exit_status(limit);
        while !self.stderr_done.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(2));
        }
        self.stderr_text()
    }

    /// What the program wrote to stderr so far, as bytes.
    pub fn stderr_bytes(&self) -> Vec<u8> {
        lock(&self.stderr).clone()
    }

    /// The next line the program prints on stdout, without its line ending. `Ok(None)` when
    /// stdout was closed (the program exited); an error when no line came within `limit`.
    pub fn next_line(&mut self, limit: Duration) -> Result<Option<String>, Duration> {
        Ok(self.next_line_bytes(limit)?.map(|line| {
            let text = String::from_utf8_lossy(&line);
            text.trim_end_matches(['\n', '\r']).to_string()
        }))
    }

    /// The next line the program prints on stdout, exactly as printed: its bytes (UTF-8 or
    /// not) and its line ending. The last line of a program that exits without a final
    /// newline comes without one. `Ok(None)` when stdout was closed; an error when no line
    /// came within `limit`.
    pub fn next_line_bytes(&mut self, limit: Duration) -> Result<Option<Vec<u8>>, Duration> {
        if self.stdout_closed {
            return Ok(None);
        }
        match self.stdout.recv_timeout(limit) {
            Ok(line) => Ok(Some(line)),
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
                let failure = Failure::new(lang.pick(
                    "the program printed no `listening on ADDR` line within 10 s",
                    "프로그램이 10초 안에 `listening on ADDR` 줄을 출력하지 않았습니다",
                ))
                .expected(expected)
                .got(lang.pick("nothing on stdout", "stdout에 아무것도 없음"));
                // A panic on the way (a todo!() in a thread) explains more than buffering.
                return Err(match find_panic(&self.stderr_text()) {
                    Some(panic) => with_panic(lang, failure, &panic),
                    None => failure.diagnosis(crate::diagnose::no_listening_line(lang)),
                });
            }
        };
        parse_listening(lang, &line)
    }

    /// The program's exit status, if it has exited (waits up to `limit` for it).
    pub fn exit_status(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.reaped {
                return Some(status);
            }
            if has_exited(self.child.id()) {
                return Some(self.reap(Ended::OnItsOwn));
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Kills what is left of the program's group while the exited leader still holds the
    /// group's id, then reaps the leader, all under the registry's lock (see the module docs).
    fn reap(&mut self, how: fn(ExitStatus) -> Ended) -> ExitStatus {
        let registry = self.registry.clone();
        let mut inner = lock(&registry.inner);
        kill_group(self.child.id() as i32);
        let status = match self.child.wait() {
            Ok(status) => status,
            // Only possible if someone else reaped it; say it was killed.
            Err(_) => exit_status_from_signal(libc::SIGKILL),
        };
        inner.running.remove(&self.child.id());
        drop(inner);
        self.reaped = Some(status);
        let mut ended = lock(&self.ended);
        if ended.is_none() {
            *ended = Some(how(status));
        }
        status
    }

    /// A failure that explains why the program exited, from its status and stderr.
    pub fn exit_failure(&mut self, problem: impl Into<String>) -> Failure {
        let lang = self.lang;
        let status = self.exit_status(Duration::from_secs(2));
        // The last words of a program that exited: wait for its stderr to be read to the end.
        let stderr = if status.is_some() {
            self.stderr_after_exit(Duration::from_secs(1))
        } else {
            self.stderr_text()
        };
        let mut failure = Failure::new(problem).got(match status {
            Some(status) => describe_exit(lang, status),
            None => lang.pick(
                "stdout closed, but the program is still running".to_string(),
                "stdout은 닫혔지만 프로그램은 아직 실행 중".to_string(),
            ),
        });
        if let Some(panic) = find_panic(&stderr) {
            return with_panic(lang, failure, &panic);
        }
        if let Some(cause) = explain_stderr(lang, &stderr) {
            failure = failure.cause(cause);
        }
        failure
    }

    /// The last `n` lines of what the program wrote to stderr so far.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stderr)).into_owned()
    }

    /// Holds the program and everything it started still (SIGSTOP to its process group)
    /// until the returned guard is dropped (SIGCONT). While it is held, the kernel still
    /// completes the handshakes of clients that connect and queues them for accept(), in
    /// the order they connected, as far as the program's backlog allows. Returns once every
    /// thread of the program has stopped (on Linux), or with an error if the program has
    /// already been reaped: a reaped leader's group id may belong to someone else now.
    pub fn suspend(&self) -> std::io::Result<Suspended<'_>> {
        if self.reaped.is_some() {
            return Err(std::io::Error::other("the program has exited"));
        }
        // The leader is not reaped, and cannot be while this borrow lasts (reaping takes
        // `&mut self`), so the group id is still the one this grader created.
        signal_group(self.child.id(), libc::SIGSTOP)?;
        let held = Suspended { process: self };
        // A stop signal takes effect in each thread when it next runs: wait for all of them.
        let deadline = Instant::now() + Duration::from_secs(2);
        while crate::memory::all_threads_stopped(self.child.id()) == Some(false)
            && Instant::now() < deadline
        {
            thread::sleep(Duration::from_millis(1));
        }
        Ok(held)
    }

    /// Kills the program now (it is also killed on drop). A program that had already exited
    /// on its own is recorded as such: a server must not end before the grader stops it.
    pub fn kill(&mut self) {
        if self.reaped.is_some() {
            return;
        }
        if has_exited(self.child.id()) {
            self.reap(Ended::OnItsOwn);
        } else {
            self.reap(|_| Ended::Stopped);
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A program held still by [`Spawned::suspend`]; dropping this lets it go on.
pub struct Suspended<'a> {
    process: &'a Spawned,
}

impl Drop for Suspended<'_> {
    fn drop(&mut self) {
        // Still unreaped: `suspend` borrowed the process for as long as this guard lives.
        let _ = signal_group(self.process.child.id(), libc::SIGCONT);
    }
}

/// Sends `signal` to the process group led by `leader`, which must not have been reaped.
fn signal_group(leader: u32, signal: i32) -> std::io::Result<()> {
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    if unsafe { libc::kill(-(leader as i32), signal) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Whether process `pid` (a child of ours) has exited, without reaping it: a zombie keeps its
/// pid, and so its process group's id, out of reuse until it is reaped.
fn has_exited(pid: u32) -> bool {
    #[cfg(unix)]
    // SAFETY: waitid(2) writes only into the siginfo_t we pass.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let found = libc::waitid(
            libc::P_PID,
            pid as libc::id_t,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        // With WNOHANG, si_pid stays 0 when the child has not changed state.
        found == 0 && info.si_pid() != 0
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The status of a program killed by the grader, for the rare case where its real status
/// could not be read.
pub fn killed_status() -> ExitStatus {
    exit_status_from_signal(libc::SIGKILL)
}

#[cfg(unix)]
fn exit_status_from_signal(signal: i32) -> ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    ExitStatus::from_raw(signal)
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

/// The Korean particle 로/으로 after a number read aloud: 으로 after a final consonant
/// other than ㄹ (영, 삼, 육, 십, 백, 천, 만), 로 otherwise (일, 이, 사, 오, 칠, 팔, 구).
/// `0으로`, `1로`, `3으로`, `101로`, `110으로`.
pub fn ro(n: i32) -> &'static str {
    crate::lang::josa(&n.to_string(), crate::lang::Particle::Toward)
}

/// Says how a program ended: its exit code, or the signal that killed it.
pub fn describe_exit(lang: Lang, status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return lang.pick(
            format!("the program exited with code {code}"),
            format!("프로그램이 종료 코드 {code}{} 끝났습니다", ro(code)),
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return lang.pick(
                format!("the program was killed by signal {signal}"),
                format!("프로그램이 시그널 {signal}{} 종료되었습니다", ro(signal)),
            );
        }
    }
    format!("{status}")
}

/// A Rust panic found in a program's stderr: where it happened and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panic {
    /// `src/main.rs:77:5`, or empty when the panic line names no place.
    pub location: String,
    /// The panic's message: `not yet implemented: TODO 2 ...`, `called unwrap() on ...`.
    pub message: String,
}

impl Panic {
    /// Whether this is the starter's `todo!()` (or an `unimplemented!()`): the program got to
    /// a part the learner has not written yet.
    pub fn is_todo(&self) -> bool {
        self.message.starts_with("not yet implemented")
            || self.message.starts_with("not implemented")
    }

    /// `message (location)`, for one line of a report.
    pub fn summary(&self) -> String {
        if self.location.is_empty() {
            self.message.clone()
        } else {
            format!("{} ({})", self.message, self.location)
        }
    }
}

/// Adds the diagnosis of `panic` to `failure`: the starter's todo!(), or a real panic.
pub fn with_panic(lang: Lang, failure: Failure, panic: &Panic) -> Failure {
    if panic.is_todo() {
        failure.diagnosis(crate::diagnose::todo(lang, panic))
    } else {
        failure.diagnosis(crate::diagnose::panicked(lang, panic))
    }
}

/// Finds the first panic in `stderr`, by the exact shape Rust prints one in: a line
/// `thread 'NAME' panicked at LOCATION:` followed by the message (Rust 1.73 and later;
/// Rust 1.88 adds the thread id, `thread 'NAME' (1234) panicked at`), or
/// `thread 'NAME' panicked at 'MESSAGE', LOCATION` (earlier). A line the program logs
/// itself is never mistaken for one, whatever words it uses.
pub fn find_panic(stderr: &str) -> Option<Panic> {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        let Some(start) = line.find("thread '") else {
            continue;
        };
        let Some(at) = line[start..].find(" panicked at ") else {
            continue;
        };
        // Between the name's closing quote and "panicked at", at most a thread id.
        let between = &line[start..start + at];
        let Some(quote) = between.rfind('\'') else {
            continue;
        };
        let id = between[quote + 1..].trim();
        let is_id = id.is_empty()
            || (id.starts_with('(')
                && id.ends_with(')')
                && id[1..id.len() - 1].bytes().all(|b| b.is_ascii_digit()));
        if quote <= "thread ".len() || !is_id {
            continue;
        }
        let rest = &line[start + at + " panicked at ".len()..];
        if let Some(location) = rest.strip_suffix(':') {
            let message = lines.next().unwrap_or("").trim().to_string();
            return Some(Panic {
                location: location.to_string(),
                message,
            });
        }
        // The older one-line form: 'MESSAGE', LOCATION
        if let Some(quoted) = rest.strip_prefix('\'')
            && let Some(end) = quoted.rfind("', ")
        {
            return Some(Panic {
                location: quoted[end + 3..].to_string(),
                message: quoted[..end].to_string(),
            });
        }
        return Some(Panic {
            location: String::new(),
            message: rest.to_string(),
        });
    }
    None
}

/// `TODO 3` from a starter's `todo!("TODO 3: ...")` message, if it names one.
pub fn todo_number(message: &str) -> Option<String> {
    let rest = &message[message.find("TODO ")? + "TODO ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| format!("TODO {digits}"))
}

/// Where a starter stopped, for a Korean report: the TODO's number and the source location.
/// The starter's own `todo!()` text is English (it is the program's output, shown as such in
/// the stderr excerpt); a Korean sentence names the TODO instead of quoting it.
pub fn todo_place_ko(panic: &Panic) -> String {
    match todo_number(&panic.message) {
        Some(todo) => format!("{}의 {todo}", panic.location),
        None => panic.location.clone(),
    }
}

/// The Korean cause for a program stopped at the starter's `todo!()`.
pub fn todo_cause_ko(panic: &Panic) -> String {
    format!(
        "프로그램이 스타터의 todo!()에서 멈췄습니다({}). 이 부분은 여러분이 직접 작성해야 합니다. 실습의 src/main.rs 맨 위에 있는 TODO 목록을 차례로 구현하세요.",
        todo_place_ko(panic)
    )
}

/// Recognises the common reasons a program died from its stderr: the starter's `todo!()`, a
/// panic, or an address already in use.
pub fn explain_stderr(lang: Lang, stderr: &str) -> Option<String> {
    if let Some(panic) = find_panic(stderr) {
        let summary = panic.summary();
        return Some(if panic.is_todo() {
            lang.pick(
                format!(
                    "The program stopped at a todo!() of the starter ({summary}). That part is yours to write: work through the TODO list at the top of the lab's src/main.rs."
                ),
                todo_cause_ko(&panic),
            )
        } else {
            lang.pick(
                format!(
                    "The program panicked: {summary}. Every program in this course turns errors into messages (a server drops the one connection); none of them panics."
                ),
                format!(
                    "프로그램이 패닉(panic)했습니다: {summary}. 이 과정의 실습 프로그램은 모두 패닉하지 않고 오류를 메시지로 바꿉니다(서버라면 그 연결 하나만 정리합니다)."
                ),
            )
        });
    }
    if stderr.contains("Address already in use") || stderr.contains("os error 98") {
        return Some(lang.pick(
            "The address was still in use. If the port was used a moment ago, turn on SO_REUSEADDR before bind().",
            "주소가 아직 사용 중이었습니다. 방금 쓰던 포트라면 bind() 전에 SO_REUSEADDR를 켜야 합니다.",
        ).to_string());
    }
    if stderr.contains("Address family not supported") || stderr.contains("os error 97") {
        return Some(lang.pick(
            "The socket's address family does not match the address: an IPv6 address such as [::1] needs an IPv6 socket. Take the family from the address (Domain::for_address) instead of fixing it to IPv4.",
            "소켓의 주소 체계가 주소와 맞지 않습니다. [::1] 같은 IPv6 주소에는 IPv6 소켓이 필요합니다. 주소 체계를 IPv4로 못 박지 말고 주소에서 가져오세요(Domain::for_address).",
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

#[cfg(test)]
mod tests {

    #[test]
    fn a_todo_is_named_by_its_number() {
        assert_eq!(
            todo_number("not yet implemented: TODO 12: open a socket").as_deref(),
            Some("TODO 12")
        );
        assert_eq!(todo_number("not yet implemented"), None);
        assert_eq!(todo_number("TODO list"), None);
    }

    use super::*;

    #[test]
    fn the_particle_after_an_exit_code_follows_how_it_is_read() {
        let read = |n| format!("{n}{}", ro(n));
        assert_eq!(read(0), "0으로");
        assert_eq!(read(1), "1로");
        assert_eq!(read(2), "2로");
        assert_eq!(read(3), "3으로");
        assert_eq!(read(101), "101로");
        assert_eq!(read(110), "110으로");
        assert_eq!(read(-1), "-1로");
    }

    #[test]
    fn finds_panics_in_both_formats_and_only_panics() {
        let with_id = "thread 'main' (25212) panicked at labs/lab02/src/main.rs:70:5:\nnot yet implemented: TODO 1\n";
        let p = find_panic(with_id).unwrap();
        assert_eq!(p.location, "labs/lab02/src/main.rs:70:5");
        assert!(p.is_todo(), "{p:?}");
        let new = "log line\nthread 'main' panicked at src/main.rs:77:5:\nnot yet implemented: TODO 2\nnote: run with `RUST_BACKTRACE=1`\n";
        let p = find_panic(new).unwrap();
        assert_eq!(p.location, "src/main.rs:77:5");
        assert!(p.is_todo(), "{p:?}");
        let old = "thread 'client 127.0.0.1:5' panicked at 'called `Option::unwrap()` on a `None` value', src/lib.rs:3:9\n";
        let p = find_panic(old).unwrap();
        assert_eq!(p.location, "src/lib.rs:3:9");
        assert!(!p.is_todo());
        // A learner's own log line is not a panic, and not the starter's todo!().
        assert_eq!(
            find_panic("127.0.0.1:5 \"BREW / HTTP/1.1\" 501: method not implemented\n"),
            None
        );
        assert_eq!(
            explain_stderr(Lang::En, "GET /x: not yet implemented here\n"),
            None
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_exited_program_is_seen_before_it_is_reaped() {
        let registry = Registry::default();
        let mut p = Spawned::start(
            Lang::En,
            &registry,
            Path::new("/bin/sh"),
            &["-c", "exit 3"],
            Limits::default(),
        )
        .unwrap();
        p.must_keep_running();
        let status = p.exit_status(Duration::from_secs(5)).expect("sh exits");
        assert_eq!(status.code(), Some(3));
        // Reaped and out of the registry: nothing will signal its group again.
        assert!(lock(&registry.inner).running.is_empty());
        drop(p);
        let early = registry.early_exit().expect("recorded as an early exit");
        assert_eq!(early.status.code(), Some(3));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_suspended_program_is_held_until_the_guard_goes() {
        let registry = Registry::default();
        let mut p = Spawned::start(
            Lang::En,
            &registry,
            Path::new("/bin/sh"),
            &["-c", "sleep 0.2; echo done"],
            Limits::default(),
        )
        .unwrap();
        {
            let _held = p.suspend().unwrap();
            // Held past the moment it would have printed.
            assert!(p.stdout.recv_timeout(Duration::from_millis(600)).is_err());
        }
        assert_eq!(p.next_line(Duration::from_secs(5)), Ok(Some("done".into())));
        assert!(p.exit_status(Duration::from_secs(5)).is_some());
        assert!(p.suspend().is_err(), "a reaped program is never signalled");
    }

    #[cfg(unix)]
    #[test]
    fn a_program_the_grader_stops_is_not_an_early_exit() {
        let registry = Registry::default();
        let mut p = Spawned::start(
            Lang::En,
            &registry,
            Path::new("/bin/sh"),
            &["-c", "sleep 30"],
            Limits::default(),
        )
        .unwrap();
        p.must_keep_running();
        p.kill();
        assert!(registry.early_exit().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn the_open_file_limit_is_applied_and_cannot_be_raised() {
        let registry = Registry::default();
        let limits = Limits {
            open_files: Some(64),
        };
        let mut p = Spawned::start(
            Lang::En,
            &registry,
            Path::new("/bin/sh"),
            &["-c", "ulimit -n; ulimit -Hn"],
            limits,
        )
        .unwrap();
        assert_eq!(p.next_line(Duration::from_secs(5)), Ok(Some("64".into())));
        assert_eq!(p.next_line(Duration::from_secs(5)), Ok(Some("64".into())));
    }
}
