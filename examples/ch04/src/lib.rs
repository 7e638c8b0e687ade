//! What the chapter 4 examples share: their command lines.
//!
//! Each program's own file is about serving many clients; the argument parsing lives here so
//! that it does not get in the way of the listings in the book. Bad input becomes a one-line
//! message and exit code 2, never a panic. That is why the programs read
//! `std::env::args_os`: `std::env::args` panics on an argument that is not valid UTF-8.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::process::ExitCode;

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
