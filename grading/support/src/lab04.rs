//! The command line of lab04: `lab04 [--listen ADDR] [--idle SECS]`.
//!
//! This part is done for you (the starter and the reference solution both use it): it is the
//! part of the contract that is not the lesson. Bad input becomes an error message, never a
//! panic; note that it reads `args_os`, because `std::env::args` panics on an argument that
//! is not UTF-8.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::time::Duration;

/// Where the server listens when `--listen` is not given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7879";

/// How long a member may send no line before it is disconnected, when `--idle` is not given:
/// five minutes. Long next to the time a person takes to read and answer; short enough that a
/// member whose machine vanished is gone from the chat within minutes, not days.
pub const DEFAULT_IDLE_SECS: u64 = 300;

pub const USAGE: &str =
    "usage: lab04 [--listen ADDR] [--idle SECS]   (defaults 127.0.0.1:7879, 300)";

/// What the server needs to know, read from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The idle timeout: a member that sends no line for this long is disconnected.
    pub idle: Duration,
}

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve with this configuration.
    Serve(Config),
    /// Print the usage and exit.
    Help,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut listen = DEFAULT_LISTEN.to_string();
    let mut idle = DEFAULT_IDLE_SECS.to_string();
    let mut flags = crate::Flags::new(args, USAGE);
    while let Some(flag) = flags.next_flag() {
        let flag = flag?;
        let mut value = |example: &str| flags.value(&flag, "a value", example);
        match flag.name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => listen = value(DEFAULT_LISTEN)?,
            "--idle" => idle = value("300")?,
            _ => return Err(flags.unexpected(&flag)),
        }
    }
    Ok(Command::Serve(Config {
        listen: crate::resolve(&listen, 7879)?,
        idle: seconds(&idle)?,
    }))
}

/// A whole number of seconds, from 1 to a day.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(n) if (1..=86_400).contains(&n) => Ok(Duration::from_secs(n)),
        _ => Err(format!(
            "'{text}' is not an idle timeout: expected whole seconds from 1 to 86400, like --idle 300"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn defaults_and_forms() {
        assert_eq!(
            parse_strs(&[]),
            Ok(Command::Serve(Config {
                listen: DEFAULT_LISTEN.parse().unwrap(),
                idle: Duration::from_secs(DEFAULT_IDLE_SECS),
            }))
        );
        let config = Config {
            listen: "[::1]:0".parse().unwrap(),
            idle: Duration::from_secs(1),
        };
        assert_eq!(
            parse_strs(&["--listen", "[::1]:0", "--idle", "1"]),
            Ok(Command::Serve(config))
        );
        assert_eq!(
            parse_strs(&["--listen=[::1]:0", "--idle=1"]),
            Ok(Command::Serve(config))
        );
        assert_eq!(parse_strs(&["-h"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let error = |args: &[&str]| parse_strs(args).unwrap_err();
        assert!(error(&["--listen"]).contains("needs a value"));
        assert!(error(&["--listen", "nope"]).contains("not an address"));
        assert!(error(&["--idle"]).contains("needs a value"));
        for bad in ["0", "-1", "1.5", "x", "86401"] {
            assert!(
                error(&["--idle", bad]).contains("not an idle timeout"),
                "{bad}"
            );
        }
        assert!(error(&["--bogus"]).contains("unexpected argument"));
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_is_an_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![0xff, 0xfe]);
        assert!(parse([bad]).unwrap_err().contains("not valid UTF-8"));
    }
}
