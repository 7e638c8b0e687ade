//! The command line of lab03:
//!
//! ```text
//! lab03 send --to ADDR [--from ADDR] MESSAGE...
//! lab03 recv [--listen ADDR] [--count N]
//! lab03 echo [--listen ADDR]
//! ```
//!
//! This part is done for you (the starter and the reference solution both use it): it is the
//! part of the contract that is not the lesson. Bad input becomes an error message, never a panic. It
//! reads `args_os`, because `std::env::args` panics on an argument that is not UTF-8; on
//! Unix a MESSAGE may even be bytes that are not UTF-8, and is sent as it is.

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Where `recv` and `echo` listen when `--listen` is not given: loopback, which only
/// programs on the same machine reach. An echo server that answers the whole Internet is a
/// reflector for anyone who forges a source address (chapter 3, "Reflection and
/// amplification").
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7879";

pub const USAGE: &str = "usage: lab03 send --to ADDR [--from ADDR] MESSAGE...
       lab03 recv [--listen ADDR] [--count N]   (default 127.0.0.1:7879)
       lab03 echo [--listen ADDR]               (default 127.0.0.1:7879)";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Send each message as one datagram to `to`, from a socket bound to `from`.
    Send {
        to: SocketAddr,
        from: SocketAddr,
        messages: Vec<Vec<u8>>,
    },
    /// Print every datagram that arrives at `listen`; stop after `count` of them, if given.
    Recv {
        listen: SocketAddr,
        count: Option<u64>,
    },
    /// Send every datagram that arrives at `listen` back to its sender.
    Echo { listen: SocketAddr },
    /// Print the usage and exit.
    Help,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let Some(sub) = args.next() else {
        return Err("missing a subcommand: send, recv or echo".to_string());
    };
    let sub = text(sub)?;
    match sub.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "send" => parse_send(args),
        "recv" | "echo" => parse_server(&sub, args),
        other => Err(format!(
            "unknown subcommand '{other}': expected send, recv or echo"
        )),
    }
}

fn parse_send(args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut to = None;
    let mut from = None;
    let mut messages = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match flag(&arg) {
            // After `--`, everything is a message, even `--to`.
            Some(("--", None)) => {
                for message in args.by_ref() {
                    messages.push(bytes(message)?);
                }
            }
            Some(("-h" | "--help", None)) => return Ok(Command::Help),
            Some(("--to", inline)) => to = Some(resolve(&value("--to", inline, &mut args)?)?),
            Some(("--from", inline)) => {
                from = Some(resolve(&value("--from", inline, &mut args)?)?);
            }
            Some((other, _)) => {
                return Err(format!(
                    "unexpected option '{other}' (put `--` before a message that starts with `--`)"
                ));
            }
            // Anything else is a message, the empty string included.
            None => messages.push(bytes(arg)?),
        }
    }
    let to = to.ok_or("send needs --to ADDR, the address to send to")?;
    if messages.is_empty() {
        return Err("send needs at least one MESSAGE".to_string());
    }
    // By default, any local address and port 0: the kernel picks an ephemeral port, and the
    // routing table picks the source address. The family must match the destination's.
    let from = from.unwrap_or_else(|| {
        let any = match to.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        };
        SocketAddr::new(any, 0)
    });
    if from.is_ipv4() != to.is_ipv4() {
        return Err(format!(
            "--from {from} and --to {to} are not the same address family (IPv4 and IPv6)"
        ));
    }
    Ok(Command::Send { to, from, messages })
}

fn parse_server(sub: &str, args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut listen = DEFAULT_LISTEN.to_string();
    let mut count = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match flag(&arg) {
            Some(("-h" | "--help", None)) => return Ok(Command::Help),
            Some(("--listen", inline)) => listen = value("--listen", inline, &mut args)?,
            Some(("--count", inline)) if sub == "recv" => {
                let n = value("--count", inline, &mut args)?;
                count = Some(n.parse::<u64>().map_err(|_| {
                    format!("'{n}' is not a count: expected a whole number, like --count 3")
                })?);
            }
            _ => {
                return Err(format!(
                    "unexpected argument '{}' for {sub}",
                    arg.to_string_lossy()
                ));
            }
        }
    }
    let listen = resolve(&listen)?;
    Ok(match sub {
        "recv" => Command::Recv { listen, count },
        _ => Command::Echo { listen },
    })
}

/// An option's name and its inline value (`--to=ADDR`), if the argument is an option.
fn flag(arg: &OsString) -> Option<(&str, Option<&str>)> {
    let arg = arg.to_str()?;
    if arg == "--" || arg == "-h" {
        return Some((arg, None));
    }
    if !arg.starts_with("--") {
        return None;
    }
    Some(match arg.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (arg, None),
    })
}

/// The value of an option: inline after `=`, or the next argument.
fn value(
    name: &str,
    inline: Option<&str>,
    args: &mut impl Iterator<Item = OsString>,
) -> Result<String, String> {
    match inline {
        Some(v) => Ok(v.to_string()),
        None => args
            .next()
            .ok_or_else(|| format!("{name} needs a value"))
            .and_then(text),
    }
}

fn text(arg: OsString) -> Result<String, String> {
    arg.into_string()
        .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
}

/// A message's bytes. On Unix an argument is bytes already, UTF-8 or not.
fn bytes(arg: OsString) -> Result<Vec<u8>, String> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Ok(arg.into_vec())
    }
    #[cfg(not(unix))]
    {
        text(arg).map(String::into_bytes)
    }
}

/// Turns `IP:PORT` (or `localhost:PORT`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    crate::resolve(text, 7879)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    fn addr(text: &str) -> SocketAddr {
        text.parse().unwrap()
    }

    #[test]
    fn send_forms() {
        assert_eq!(
            parse_strs(&["send", "--to", "127.0.0.1:9000", "a", "", "b c"]),
            Ok(Command::Send {
                to: addr("127.0.0.1:9000"),
                from: addr("0.0.0.0:0"),
                messages: vec![b"a".to_vec(), Vec::new(), b"b c".to_vec()],
            })
        );
        assert_eq!(
            parse_strs(&["send", "x", "--from=127.0.0.1:5000", "--to=[::1]:1"]),
            Err(
                "--from 127.0.0.1:5000 and --to [::1]:1 are not the same address family (IPv4 and IPv6)"
                    .to_string()
            )
        );
        assert_eq!(
            parse_strs(&["send", "--to", "[::1]:9", "--", "--to", "-h"]),
            Ok(Command::Send {
                to: addr("[::1]:9"),
                from: addr("[::]:0"),
                messages: vec![b"--to".to_vec(), b"-h".to_vec()],
            })
        );
        assert_eq!(parse_strs(&["send", "--help"]), Ok(Command::Help));
    }

    #[test]
    fn server_forms() {
        assert_eq!(
            parse_strs(&["recv"]),
            Ok(Command::Recv {
                listen: addr(DEFAULT_LISTEN),
                count: None
            })
        );
        assert_eq!(
            parse_strs(&["recv", "--listen", "127.0.0.1:0", "--count=3"]),
            Ok(Command::Recv {
                listen: addr("127.0.0.1:0"),
                count: Some(3)
            })
        );
        assert_eq!(
            parse_strs(&["echo", "--listen=0.0.0.0:9000"]),
            Ok(Command::Echo {
                listen: addr("0.0.0.0:9000")
            })
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for (args, says) in [
            (&[][..], "missing a subcommand"),
            (&["shout"][..], "unknown subcommand"),
            (&["send", "hi"][..], "needs --to"),
            (&["send", "--to", "127.0.0.1:1"][..], "at least one MESSAGE"),
            (&["send", "--to"][..], "needs a value"),
            (&["send", "--to", "nope", "hi"][..], "not an address"),
            (
                &["send", "--to", "127.0.0.1:1", "--loud", "hi"][..],
                "unexpected option",
            ),
            (&["recv", "--count", "many"][..], "not a count"),
            (&["recv", "--count", "-1"][..], "not a count"),
            (&["echo", "--count", "2"][..], "unexpected argument"),
            (
                &["echo", "--listen", "127.0.0.1:99999"][..],
                "not an address",
            ),
        ] {
            let err = parse_strs(args).unwrap_err();
            assert!(err.contains(says), "{args:?}: {err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_message_can_be_any_bytes() {
        use std::os::unix::ffi::OsStringExt;
        let args = ["send", "--to", "127.0.0.1:9"]
            .into_iter()
            .map(OsString::from)
            .chain([OsString::from_vec(vec![0xff, 0x00, b'x'])]);
        let Ok(Command::Send { messages, .. }) = parse(args) else {
            panic!("bytes that are not UTF-8 are a valid message")
        };
        assert_eq!(messages, vec![vec![0xff, 0x00, b'x']]);
        let bad = [OsString::from("recv"), OsString::from_vec(vec![0xff])];
        assert!(parse(bad).unwrap_err().contains("unexpected argument"));
    }
}
