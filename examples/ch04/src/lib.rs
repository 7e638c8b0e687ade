//! What the chapter 4 examples share: their command lines, and a log that never blocks a task.
//!
//! Each program's own file is about serving many clients; the argument parsing lives here so
//! that it does not get in the way of the listings in the book. Bad input becomes a one-line
//! message and exit code 2, never a panic. That is why the programs read
//! `std::env::args_os`: `std::env::args` panics on an argument that is not valid UTF-8.

use std::ffi::OsString;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::time::{Duration, Instant};

/// Where the example servers listen when no address is given.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7070";

/// What the user asked a program to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Command<T> {
    /// Run with these arguments.
    Run(T),
    /// Print the usage and exit.
    Help,
}

/// A server's command line: `[--listen ADDR]`.
pub fn parse_server(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<SocketAddr>, String> {
    let mut listen = resolve(DEFAULT_ADDR)?;
    let mut flags = Flags::new(args)?;
    while let Some(flag) = flags.next_flag() {
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => listen = resolve(&flags.value(&flag)?)?,
            _ => return Err(format!("unexpected argument '{flag}'")),
        }
    }
    Ok(Command::Run(listen))
}

/// What `idle-clients` is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleArgs {
    /// The server to connect to.
    pub to: SocketAddr,
    /// How many connections to open.
    pub count: usize,
    /// How long to hold them, in seconds; `None` holds them until the program is stopped.
    pub seconds: Option<u64>,
    /// A process (the server) whose memory and threads to print once every connection is
    /// open; the connections are closed after that.
    pub report: Option<u32>,
}

/// The most connections `idle-clients` opens: far more than a loopback test needs, and a
/// guard against a typo that would use up every file descriptor.
pub const MAX_IDLE: usize = 60_000;

/// `idle-clients`' command line: `--to ADDR [--count N] [--seconds S] [--report PID]`.
pub fn parse_idle(args: impl IntoIterator<Item = OsString>) -> Result<Command<IdleArgs>, String> {
    let mut to = None;
    let mut count = 1000;
    let mut seconds = None;
    let mut report = None;
    let mut flags = Flags::new(args)?;
    while let Some(flag) = flags.next_flag() {
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--to" => to = Some(resolve(&flags.value(&flag)?)?),
            "--count" => count = number(&flags.value(&flag)?, 1, MAX_IDLE as u64)? as usize,
            "--seconds" => seconds = Some(number(&flags.value(&flag)?, 0, 86_400)?),
            "--report" => report = Some(number(&flags.value(&flag)?, 1, u32::MAX as u64)? as u32),
            _ => return Err(format!("unexpected argument '{flag}'")),
        }
    }
    let to = to.ok_or("--to ADDR is required: the server to connect to")?;
    Ok(Command::Run(IdleArgs {
        to,
        count,
        seconds,
        report,
    }))
}

/// `dead-peer`'s command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadPeerArgs {
    pub listen: SocketAddr,
    /// Turn TCP keepalive on: the first probe after this long without traffic, then one a
    /// second, and the connection is given up after 3 unanswered probes.
    pub keepalive: Option<Duration>,
    /// TCP_USER_TIMEOUT: give the connection up when data sent stays unacknowledged this long.
    pub user_timeout: Option<Duration>,
    /// Write `ping` to the client this often.
    pub heartbeat: Option<Duration>,
    /// Close the connection when nothing has arrived from the client for this long.
    pub idle: Option<Duration>,
}

/// `dead-peer [--listen ADDR] [--keepalive S] [--user-timeout S] [--heartbeat S] [--idle S]`.
pub fn parse_dead_peer(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<DeadPeerArgs>, String> {
    let mut parsed = DeadPeerArgs {
        listen: resolve(DEFAULT_ADDR)?,
        keepalive: None,
        user_timeout: None,
        heartbeat: None,
        idle: None,
    };
    let mut flags = Flags::new(args)?;
    while let Some(flag) = flags.next_flag() {
        let mut seconds = || -> Result<Option<Duration>, String> {
            let n = number(&flags.value(&flag)?, 1, 86_400)?;
            Ok(Some(Duration::from_secs(n)))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => parsed.listen = resolve(&flags.value(&flag)?)?,
            "--keepalive" => parsed.keepalive = seconds()?,
            "--user-timeout" => parsed.user_timeout = seconds()?,
            "--heartbeat" => parsed.heartbeat = seconds()?,
            "--idle" => parsed.idle = seconds()?,
            _ => return Err(format!("unexpected argument '{flag}'")),
        }
    }
    Ok(Command::Run(parsed))
}

/// `careful-echo`'s command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarefulArgs {
    pub listen: SocketAddr,
    /// How many clients are served at once; the others wait in the kernel's accept queue.
    pub max_clients: usize,
    /// How long a read or a write may wait before the client is closed.
    pub idle: Duration,
    /// How long a shutdown waits for clients to finish before it closes them anyway.
    pub drain: Duration,
}

/// `careful-echo [--listen ADDR] [--max-clients N] [--idle S] [--drain S]`.
pub fn parse_careful(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<CarefulArgs>, String> {
    let mut parsed = CarefulArgs {
        listen: resolve(DEFAULT_ADDR)?,
        max_clients: 1000,
        idle: Duration::from_secs(60),
        drain: Duration::from_secs(5),
    };
    let mut flags = Flags::new(args)?;
    while let Some(flag) = flags.next_flag() {
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => parsed.listen = resolve(&flags.value(&flag)?)?,
            "--max-clients" => {
                parsed.max_clients = number(&flags.value(&flag)?, 1, MAX_IDLE as u64)? as usize;
            }
            "--idle" => parsed.idle = Duration::from_secs(number(&flags.value(&flag)?, 1, 86_400)?),
            "--drain" => parsed.drain = Duration::from_secs(number(&flags.value(&flag)?, 0, 3600)?),
            _ => return Err(format!("unexpected argument '{flag}'")),
        }
    }
    Ok(Command::Run(parsed))
}

/// `cancel [--listen ADDR] [--fixed]`: which of the two loops to run.
pub fn parse_cancel(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<(SocketAddr, bool)>, String> {
    let mut listen = resolve(DEFAULT_ADDR)?;
    let mut fixed = false;
    let mut flags = Flags::new(args)?;
    while let Some(flag) = flags.next_flag() {
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => listen = resolve(&flags.value(&flag)?)?,
            "--fixed" => fixed = true,
            _ => return Err(format!("unexpected argument '{flag}'")),
        }
    }
    Ok(Command::Run((listen, fixed)))
}

/// Lines for stdout, written by a thread of their own.
///
/// A write to stdout is a blocking system call. To a terminal it takes microseconds, but to a
/// pipe that nobody empties it waits until somebody does, and a task that waits in a system
/// call holds its worker thread all that time (chapter 4, "Never block a task"). So the
/// programs that log from their tasks hand each line to this log, which never waits: the
/// line goes into a bounded queue, and one thread writes the queue out. When the queue is
/// full, the line is dropped and counted, as `tracing-appender`'s non-blocking writer does by
/// default: losing a log line is better than stopping the server.
#[derive(Clone)]
pub struct Log {
    queue: SyncSender<Entry>,
    dropped: Arc<AtomicU64>,
    start: Instant,
}

/// What the writing thread is asked to do.
enum Entry {
    Line(String),
    /// Say so on this channel once every line before it is written.
    Flushed(SyncSender<()>),
}

impl Log {
    /// Starts the writing thread. Times in the lines are counted from now.
    pub fn start() -> Log {
        let (queue, queued) = sync_channel::<Entry>(10_000);
        std::thread::spawn(move || {
            for entry in queued {
                match entry {
                    Entry::Line(line) => {
                        let mut out = std::io::stdout().lock();
                        // Flushed line by line: whoever reads the log (a person, a test)
                        // sees each line as it happens.
                        if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
                            return;
                        }
                    }
                    Entry::Flushed(done) => {
                        let _ = done.send(());
                    }
                }
            }
        });
        Log {
            queue,
            dropped: Arc::new(AtomicU64::new(0)),
            start: Instant::now(),
        }
    }

    /// Queues `line` for stdout. Never waits.
    pub fn say(&self, line: impl Into<String>) {
        match self.queue.try_send(Entry::Line(line.into())) {
            Ok(()) | Err(TrySendError::Disconnected(_)) => {}
            Err(TrySendError::Full(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Queues `line` with the seconds since the log started in front: `  12.0 s  line`.
    pub fn at(&self, line: impl std::fmt::Display) {
        self.say(format!(
            "{:6.1} s  {line}",
            self.start.elapsed().as_secs_f64()
        ));
    }

    /// How many lines were dropped because the writing thread could not keep up.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Waits until every line queued so far is written. This one does block: call it when
    /// the program ends, not from a task that serves clients.
    pub fn flush(&self) {
        let (done, flushed) = sync_channel(1);
        if self.queue.send(Entry::Flushed(done)).is_ok() {
            let _ = flushed.recv();
        }
    }
}

/// Turns `IP:PORT` (or a name with a port, like `localhost:7070`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    lab_support::resolve(text, 7070)
}

/// Prints `PROGRAM: MESSAGE; usage: USAGE` on stderr and gives the exit code for bad input.
pub fn usage_error(program: &str, usage: &str, message: &str) -> ExitCode {
    eprintln!("{program}: {message}; usage: {usage}");
    ExitCode::from(2)
}

fn number(text: &str, min: u64, max: u64) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("'{text}' is not a number from {min} to {max}")),
    }
}

/// `--flag VALUE` and `--flag=VALUE`, from arguments that must be UTF-8.
struct Flags {
    args: std::vec::IntoIter<String>,
    inline: Option<String>,
}

impl Flags {
    fn new(args: impl IntoIterator<Item = OsString>) -> Result<Flags, String> {
        let args: Vec<String> = args
            .into_iter()
            .map(|arg| {
                arg.into_string()
                    .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Flags {
            args: args.into_iter(),
            inline: None,
        })
    }

    fn next_flag(&mut self) -> Option<String> {
        let arg = self.args.next()?;
        match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                self.inline = Some(value.to_string());
                Some(flag.to_string())
            }
            _ => {
                self.inline = None;
                Some(arg)
            }
        }
    }

    fn value(&mut self, flag: &str) -> Result<String, String> {
        self.inline
            .take()
            .or_else(|| self.args.next())
            .ok_or_else(|| format!("{flag} needs a value"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(args: &[&str]) -> Result<Command<SocketAddr>, String> {
        parse_server(args.iter().map(OsString::from))
    }

    fn idle(args: &[&str]) -> Result<Command<IdleArgs>, String> {
        parse_idle(args.iter().map(OsString::from))
    }

    #[test]
    fn server_forms() {
        assert_eq!(server(&[]), Ok(Command::Run(DEFAULT_ADDR.parse().unwrap())));
        let any: SocketAddr = "0.0.0.0:9000".parse().unwrap();
        assert_eq!(server(&["--listen", "0.0.0.0:9000"]), Ok(Command::Run(any)));
        assert_eq!(server(&["--listen=0.0.0.0:9000"]), Ok(Command::Run(any)));
        assert_eq!(server(&["-h"]), Ok(Command::Help));
        assert!(server(&["--listen"]).unwrap_err().contains("needs a value"));
        assert!(
            server(&["--listen", "x"])
                .unwrap_err()
                .contains("not an address")
        );
        assert!(
            server(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }

    #[test]
    fn idle_forms() {
        let to: SocketAddr = "127.0.0.1:7879".parse().unwrap();
        assert_eq!(
            idle(&["--to", "127.0.0.1:7879"]),
            Ok(Command::Run(IdleArgs {
                to,
                count: 1000,
                seconds: None,
                report: None,
            }))
        );
        assert_eq!(
            idle(&[
                "--to=127.0.0.1:7879",
                "--count",
                "5",
                "--seconds=2",
                "--report",
                "42"
            ]),
            Ok(Command::Run(IdleArgs {
                to,
                count: 5,
                seconds: Some(2),
                report: Some(42),
            }))
        );
        assert!(idle(&[]).unwrap_err().contains("--to ADDR is required"));
        assert!(idle(&["--to", "127.0.0.1:1", "--count", "0"]).is_err());
        assert!(idle(&["--to", "127.0.0.1:1", "--count", "many"]).is_err());
        assert!(idle(&["--to", "127.0.0.1:1", "--count", "1000000"]).is_err());
        assert!(idle(&["--to", "127.0.0.1:1", "--report", "me"]).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_an_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'-', 0xff]);
        assert!(parse_server([bad.clone()]).unwrap_err().contains("UTF-8"));
        assert!(parse_idle([bad]).unwrap_err().contains("UTF-8"));
    }
}
