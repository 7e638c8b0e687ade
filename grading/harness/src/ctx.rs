//! What a check gets to work with: the program under test, the learner's language, and ways
//! to start the program and talk to it that clean up after themselves.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::time::Duration;

use predicates::prelude::*;

use crate::Lang;
use crate::client::Client;
use crate::failure::Failure;
use crate::process::{self, Limits, Registry, Spawned, describe_exit, explain_stderr};
use crate::text::escape;

/// The context of one check.
pub struct Ctx {
    lang: Lang,
    program: PathBuf,
    registry: Registry,
}

impl Ctx {
    pub fn new(lang: Lang, program: PathBuf) -> Ctx {
        Ctx {
            lang,
            program,
            registry: Registry::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message in the learner's language.
    pub fn t(&self, en: impl Into<String>, ko: impl Into<String>) -> String {
        self.lang.pick(en.into(), ko.into())
    }

    /// The program under test.
    pub fn program(&self) -> &Path {
        &self.program
    }

    pub(crate) fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Starts the program with `args`; it is killed when the returned value is dropped.
    pub fn spawn(&self, args: &[&str]) -> Result<Spawned, Failure> {
        Spawned::start(
            self.lang,
            &self.registry,
            &self.program,
            args,
            Limits::default(),
        )
    }

    /// Starts the program with `args` and a stdin the check writes to
    /// ([`Spawned::write_stdin`], [`Spawned::close_stdin`]).
    pub fn spawn_interactive(&self, args: &[&str]) -> Result<Spawned, Failure> {
        Spawned::start_interactive(self.lang, &self.registry, &self.program, args)
    }

    /// Starts the program with `args` and waits for its `listening on ADDR` line. The
    /// program is a server from then on: it must serve until the check stops it, and a check
    /// during which it exits on its own fails, whatever the check itself saw (see
    /// [`Spawned::may_exit`] for a program meant to stop by itself).
    pub fn start_server(&self, args: &[&str]) -> Result<Server, Failure> {
        self.start_server_with(args, Limits::default())
    }

    /// [`Ctx::start_server`] with resource limits (a low limit on open files, say).
    pub fn start_server_with(&self, args: &[&str], limits: Limits) -> Result<Server, Failure> {
        let mut process = Spawned::start(self.lang, &self.registry, &self.program, args, limits)?;
        let addr = process.wait_for_listening()?;
        process.must_keep_running();
        Ok(Server {
            lang: self.lang,
            process,
            addr,
        })
    }

    /// Starts a server asked to listen on `[::1]:0` (`args` carries that address): the check
    /// every server lab shares for IPv6. Says NOT MEASURED on a machine without an IPv6
    /// loopback; diagnoses a program that fails to start there, or announces an address
    /// other than `[::1]`, as fixed to IPv4.
    pub fn start_server_on_ipv6(&self, args: &[&str]) -> Result<Server, Failure> {
        self.ipv6_loopback()?;
        let ipv4_only = || crate::diagnose::ipv4_only(self.lang);
        let server = self
            .start_server(args)
            .map_err(|f| f.diagnosis(ipv4_only()))?;
        if !server.addr.is_ipv6() || !server.addr.ip().is_loopback() {
            return Err(Failure::new(self.t(
                "asked to listen on [::1], the program announced another address",
                "[::1]에서 수신 대기하라고 했는데 프로그램이 다른 주소를 알렸습니다",
            ))
            .sent(format!("PROGRAM {}", args.join(" ")))
            .expected("listening on [::1]:PORT")
            .got(format!("listening on {}", server.addr))
            .diagnosis(ipv4_only()));
        }
        Ok(server)
    }

    /// Whether this machine has an IPv6 loopback ([::1]) the grader can use. Checks that
    /// need it say they could not measure when it is missing (a container with IPv6 off),
    /// instead of failing a correct program.
    pub fn ipv6_loopback(&self) -> Result<(), Failure> {
        match std::net::TcpListener::bind("[::1]:0") {
            Ok(_) => Ok(()),
            Err(e) => Err(Failure::not_measured(self.t(
                format!("this machine has no IPv6 loopback ([::1]: {e}), so the IPv6 part of the contract cannot be checked here"),
                format!("이 컴퓨터에는 IPv6 루프백([::1])이 없어({e}) 계약의 IPv6 부분을 여기서는 검사할 수 없습니다"),
            ))),
        }
    }

    /// Runs the program to completion with `args` (stdin empty), killing it after `limit`.
    pub fn run(&self, args: &[&str], limit: Duration) -> Result<Finished, Failure> {
        self.run_with_input(args, b"", limit)
    }

    /// Runs the program to completion with `args` and `input` on its stdin, killing it
    /// after `limit`.
    ///
    /// The program runs in a process group of its own, like every program a check starts,
    /// and the whole group is killed when the program exits or runs out of time: a wrapper
    /// script (`LAB01_BIN=./run.sh` starting python) must not leave its child behind, nor
    /// keep the output pipes open so that the grader waits for them.
    pub fn run_with_input(
        &self,
        args: &[&str],
        input: &[u8],
        limit: Duration,
    ) -> Result<Finished, Failure> {
        let mut process =
            Spawned::start_interactive(self.lang, &self.registry, &self.program, args)?;
        // Fed from a thread: a program that never reads its stdin must not block the check.
        process.feed_stdin(input.to_vec());
        let status = process.exit_status(limit);
        let timed_out = status.is_none();
        if timed_out {
            process.kill();
        }
        let status = process
            .exit_status(Duration::from_secs(5))
            .unwrap_or_else(process::killed_status);
        let stdout = process.collect_stdout(Duration::from_secs(1));
        self.registry.wait_for_stderr(Duration::from_secs(1));
        let stderr = process.stderr_bytes();
        Ok(Finished {
            lang: self.lang,
            args: args.iter().map(|a| a.to_string()).collect(),
            status,
            stdout,
            stderr,
            timed_out,
            limit,
        })
    }
}

/// A running server whose address is known.
pub struct Server {
    lang: Lang,
    pub process: Spawned,
    pub addr: SocketAddr,
}

impl Server {
    /// Opens a connection to the server. If that fails because the program died, the
    /// failure says so and shows why.
    pub fn connect(&mut self) -> Result<Client, Failure> {
        match Client::connect(self.lang, self.addr) {
            Ok(client) => Ok(client),
            Err(failure) => {
                let failure = self.died_or(failure);
                // Still running, yet nobody listens at the address it announced.
                if self.process.exit_status(Duration::ZERO).is_none() {
                    Err(failure.diagnosis(crate::diagnose::not_listening(self.lang, self.addr)))
                } else {
                    Err(failure)
                }
            }
        }
    }

    /// Fails if the program is no longer running.
    pub fn expect_running(&mut self) -> Result<(), Failure> {
        if self.process.exit_status(Duration::ZERO).is_some() {
            let problem = self.lang.pick(
                "the program is no longer running",
                "프로그램이 더 이상 실행 중이 아닙니다",
            );
            return Err(self.process.exit_failure(problem));
        }
        Ok(())
    }

    /// Replaces `failure` with the story of the program's death when it has died: that
    /// explains the failure better than whatever the client saw.
    pub fn died_or(&mut self, failure: Failure) -> Failure {
        if self
            .process
            .exit_status(Duration::from_millis(100))
            .is_some()
        {
            let mut died = self.process.exit_failure(failure.problem.clone());
            died.steps.splice(0..0, failure.steps);
            died
        } else {
            failure
        }
    }

    pub fn stderr_text(&self) -> String {
        self.process.stderr_text()
    }

    pub fn kill(&mut self) {
        self.process.kill();
    }
}

/// A program that ran to the end (or was stopped at its time limit).
pub struct Finished {
    lang: Lang,
    pub args: Vec<String>,
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
    pub limit: Duration,
}

impl Finished {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// The command line, for reports.
    pub fn command_line(&self) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|a| {
                if a.is_empty() || a.contains([' ', '"', '\\']) {
                    format!("\"{}\"", escape(a.as_bytes()))
                } else {
                    a.clone()
                }
            })
            .collect();
        format!("PROGRAM {}", args.join(" "))
    }

    /// What happened, in one line: the exit code or signal, or the time limit.
    pub fn describe(&self) -> String {
        if self.timed_out {
            return self.lang.pick(
                format!(
                    "still running after {} s (the grader stopped it)",
                    self.limit.as_secs()
                ),
                format!(
                    "{}초가 지나도 끝나지 않아 채점기가 멈췄습니다",
                    self.limit.as_secs()
                ),
            );
        }
        describe_exit(self.lang, self.status)
    }

    /// Checks that bad input was refused the way every program in this course refuses it:
    /// a non-zero exit code (not a crash, not a hang) and a clear message on stderr, never a
    /// panic. `what` says what the bad input was.
    pub fn expect_error_message(&self, what: &str) -> Result<(), Failure> {
        let lang = self.lang;
        let stderr = self.stderr_text();
        let panicked = predicate::str::contains("panicked at");
        let says_something = !stderr.trim().is_empty();
        let problem = if self.timed_out {
            Some(lang.pick(
                "the program did not exit on bad input",
                "잘못된 입력을 받고도 프로그램이 끝나지 않았습니다",
            ))
        } else if panicked.eval(&stderr) || self.status.code() == Some(101) {
            Some(lang.pick(
                "the program panicked on bad input",
                "잘못된 입력에 프로그램이 패닉했습니다",
            ))
        } else if self.status.code().is_none() {
            Some(lang.pick(
                "the program crashed on bad input",
                "잘못된 입력에 프로그램이 비정상 종료했습니다",
            ))
        } else if self.status.success() {
            Some(lang.pick(
                "the program exited with code 0 on bad input",
                "잘못된 입력인데 프로그램이 종료 코드 0으로 끝났습니다",
            ))
        } else if !says_something {
            Some(lang.pick(
                "the program exited without a message on stderr",
                "프로그램이 stderr에 아무 메시지 없이 끝났습니다",
            ))
        } else {
            None
        };
        let Some(problem) = problem else {
            return Ok(());
        };
        let mut failure = Failure::new(problem)
            .sent(format!("{} ({what})", self.command_line()))
            .expected(lang.pick(
                "a one-line error message on stderr and a non-zero exit code (no panic, no hang)",
                "stderr에 한 줄 오류 메시지, 0이 아닌 종료 코드(패닉이나 멈춤 없이)",
            ))
            .got(self.describe());
        if let Some(panic) = process::find_panic(&stderr) {
            failure = process::with_panic(lang, failure, &panic);
        } else if let Some(cause) = explain_stderr(lang, &stderr) {
            failure = failure.cause(cause);
        }
        // What to do depends on what the program did with the bad input.
        let advice = if self.timed_out {
            lang.pick(
                "Check the input before doing anything that waits (connecting, reading), and end the program as soon as it is refused.",
                "기다리는 일(연결, 읽기)을 하기 전에 입력부터 검사하고, 거절했으면 곧바로 프로그램을 끝내세요.",
            )
        } else if self.status.success() {
            lang.pick(
                "The program accepted input the contract refuses, or hid the error: check it, print why it is refused on stderr, and return a failure ExitCode.",
                "프로그램이 계약상 거절해야 할 입력을 받아들였거나 오류를 감췄습니다. 입력을 검사해 거절하는 이유를 stderr에 출력하고, 실패를 뜻하는 ExitCode를 반환하세요.",
            )
        } else {
            lang.pick(
                "Turn the error into a message: match on the Result and print it with eprintln!, then return a failure ExitCode.",
                "오류를 메시지로 바꾸세요. Result를 match로 처리해 eprintln!으로 출력하고, 실패를 뜻하는 ExitCode를 반환하면 됩니다.",
            )
        };
        Err(failure.cause(advice))
    }
}

impl Server {
    /// Passes a result through, but when it is a failure and the program has died, tells
    /// the story of the death instead (its exit status and the panic or error behind it).
    pub fn explain<T>(&mut self, result: Result<T, Failure>) -> Result<T, Failure> {
        result.map_err(|failure| self.died_or(failure))
    }
}

/// For tests outside a grader (the examples' own tests): the same careful process handling,
/// without a check table around it.
impl Server {
    /// Starts `program --listen 127.0.0.1:0 EXTRA...` and waits for its address; panics
    /// with the harness's explanation if it does not come up. The program is killed when
    /// the server is dropped, also when the test panics.
    pub fn start(program: &str, extra: &[&str]) -> Server {
        let mut args = vec!["--listen", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        Ctx::new(Lang::En, program.into())
            .start_server(&args)
            .unwrap_or_else(|f| panic!("{program} did not start: {} {:?}", f.problem, f.steps))
    }

    /// A plain std connection to the server, with read and write timeouts of `limit`.
    pub fn stream(&self, limit: Duration) -> std::net::TcpStream {
        let stream = std::net::TcpStream::connect_timeout(&self.addr, limit)
            .unwrap_or_else(|e| panic!("connecting to {}: {e}", self.addr));
        stream.set_read_timeout(Some(limit)).ok();
        stream.set_write_timeout(Some(limit)).ok();
        stream
    }
}

impl Ctx {
    /// The check every server lab shares: `--listen` with something that is not an
    /// address, and with an address another socket is listening on right now, must each
    /// end the program with a one-line error and a non-zero exit, never a panic or a hang.
    /// `extra` is appended to both command lines (a lab's other required arguments).
    pub fn expect_bad_listen_addresses_refused(&self, extra: &[&str]) -> Result<(), Failure> {
        let limit = Duration::from_secs(5);
        let mut args = vec!["--listen", "not-an-address"];
        args.extend_from_slice(extra);
        self.run(&args, limit)?
            .expect_error_message(&self.t("not an address", "주소가 아님"))?;
        // A port that is taken: another socket is listening on it right now.
        let taken = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| Ok((l.local_addr()?, l)))
            .map_err(|e| Failure::new(format!("the grader could not open a socket: {e}")))?;
        let addr = taken.0.to_string();
        let mut args = vec!["--listen", addr.as_str()];
        args.extend_from_slice(extra);
        self.run(&args, limit)?
            .expect_error_message(&self.t("the address is already in use", "이미 사용 중인 주소"))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::Instant;

    fn ctx() -> Ctx {
        Ctx::new(Lang::En, "/bin/sh".into())
    }

    #[test]
    fn runs_a_program_with_input_to_the_end() {
        let done = ctx()
            .run_with_input(
                &["-c", "cat; echo oops >&2; exit 3"],
                b"in\x00put",
                Duration::from_secs(5),
            )
            .unwrap();
        assert_eq!(done.stdout, b"in\x00put");
        assert_eq!(done.stderr_text(), "oops\n");
        assert_eq!(done.status.code(), Some(3));
        assert!(!done.timed_out);
    }

    #[test]
    fn a_wrapper_whose_child_holds_the_pipes_is_stopped_on_time() {
        // The shell waits for a child that keeps stdout open: the whole group must go.
        let started = Instant::now();
        let done = ctx()
            .run(&["-c", "sleep 30 & wait"], Duration::from_millis(500))
            .unwrap();
        assert!(done.timed_out);
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn a_program_that_exits_leaves_no_child_behind() {
        // The shell exits at once; its background child would hold stdout for 30 s.
        let started = Instant::now();
        let done = ctx()
            .run(&["-c", "sleep 30 & echo bye"], Duration::from_secs(5))
            .unwrap();
        assert_eq!(done.stdout, b"bye\n");
        assert!(!done.timed_out);
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }
}
