//! Command-line pieces shared by the labs and the chapters' example programs.
//!
//! Reading arguments is part of every program's contract but of no lesson, so the labs get
//! it done for them, and it is written once, here. Bad input becomes an error message,
//! never a panic: arguments are read with `args_os`, because `std::env::args` panics on an
//! argument that is not UTF-8.

pub mod lab01;
pub mod lab02;
pub mod lab03;
pub mod lab04;
pub mod lab05;

use std::ffi::OsString;
use std::net::{SocketAddr, ToSocketAddrs};

/// The flags of a command line, in the two forms every program here accepts:
/// `--flag VALUE` and `--flag=VALUE`. Each lab says which flags it knows:
///
/// ```
/// # use std::ffi::OsString;
/// let mut flags = lab_support::Flags::new(["--listen=[::1]:0"].map(OsString::from), "usage");
/// let flag = flags.next_flag().unwrap().unwrap();
/// assert_eq!(flag.name, "--listen");
/// assert_eq!(flags.value(&flag, "an address", "127.0.0.1:0").unwrap(), "[::1]:0");
/// ```
pub struct Flags<I> {
    args: I,
    usage: String,
}

/// One flag read by [`Flags::next_flag`]: its name, and its value when it came as `--flag=VALUE`.
pub struct Flag {
    pub name: String,
    inline: Option<String>,
}

impl<I: Iterator<Item = OsString>> Flags<I> {
    /// `usage` ends every error message.
    pub fn new(args: impl IntoIterator<IntoIter = I>, usage: &str) -> Flags<I> {
        Flags {
            args: args.into_iter(),
            usage: usage.to_string(),
        }
    }

    /// The next flag, or an error for an argument that is not UTF-8.
    pub fn next_flag(&mut self) -> Option<Result<Flag, String>> {
        let arg = self.args.next()?;
        Some(match arg.into_string() {
            Err(bad) => Err(format!(
                "argument {bad:?} is not valid UTF-8; {}",
                self.usage
            )),
            Ok(arg) => Ok(match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => Flag {
                    name: name.to_string(),
                    inline: Some(value.to_string()),
                },
                _ => Flag {
                    name: arg,
                    inline: None,
                },
            }),
        })
    }

    /// The value of `flag`: after its `=`, or the next argument. When there is none, the
    /// error says `what` it needs (`an address`) with `example` as an example.
    pub fn value(&mut self, flag: &Flag, what: &str, example: &str) -> Result<String, String> {
        let name = &flag.name;
        match &flag.inline {
            Some(v) => Ok(v.clone()),
            None => self
                .args
                .next()
                .ok_or_else(|| format!("{name} needs {what}, like {name} {example}"))?
                .into_string()
                .map_err(|bad| format!("{name} {bad:?} is not valid UTF-8")),
        }
    }

    /// The error for a flag the program does not know.
    pub fn unexpected(&self, flag: &Flag) -> String {
        format!("unexpected argument '{}'; {}", flag.name, self.usage)
    }
}

/// What a `PROGRAM [--listen ADDR]` command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve on this address.
    Serve { listen: SocketAddr },
    /// Print the usage and exit.
    Help,
}

/// Reads `[--listen ADDR]` (or `--listen=ADDR`, `-h`, `--help`) from the arguments after the
/// program name. `default` is used when `--listen` is not given; `usage` ends every error.
pub fn parse_listen(
    default: &str,
    usage: &str,
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command, String> {
    let example_port = default
        .rsplit_once(':')
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(7878);
    let mut listen = default.to_string();
    let mut flags = Flags::new(args, usage);
    while let Some(flag) = flags.next_flag() {
        let flag = flag?;
        match flag.name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => listen = flags.value(&flag, "an address", default)?,
            _ => return Err(flags.unexpected(&flag)),
        }
    }
    Ok(Command::Serve {
        listen: resolve(&listen, example_port)?,
    })
}

/// Turns `IP:PORT` (or a name with a port, like `localhost:7878`) into an address. The
/// error shows `example_port` in its examples, the port the program uses by default.
pub fn resolve(text: &str, example_port: u16) -> Result<SocketAddr, String> {
    let invalid = || {
        format!(
            "'{text}' is not an address: expected IP:PORT, like 127.0.0.1:{example_port} or [::1]:{example_port}"
        )
    };
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    // Only something with a port is worth a name lookup.
    if !text.contains(':') {
        return Err(invalid());
    }
    text.to_socket_addrs()
        .map_err(|_| invalid())?
        .next()
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const USAGE: &str = "usage: demo [--listen ADDR]";

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse_listen("127.0.0.1:7878", USAGE, args.iter().map(OsString::from))
    }

    #[test]
    fn defaults_and_forms() {
        let default: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        assert_eq!(parse_strs(&[]), Ok(Command::Serve { listen: default }));
        let any: SocketAddr = "0.0.0.0:9000".parse().unwrap();
        assert_eq!(
            parse_strs(&["--listen", "0.0.0.0:9000"]),
            Ok(Command::Serve { listen: any })
        );
        assert_eq!(
            parse_strs(&["--listen=0.0.0.0:9000"]),
            Ok(Command::Serve { listen: any })
        );
        assert_eq!(parse_strs(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(
            parse_strs(&["--listen"])
                .unwrap_err()
                .contains("needs an address")
        );
        let bad = parse_strs(&["--listen", "nope"]).unwrap_err();
        assert_eq!(
            bad,
            "'nope' is not an address: expected IP:PORT, like 127.0.0.1:7878 or [::1]:7878"
        );
        assert!(parse_strs(&["--listen", "127.0.0.1:99999"]).is_err());
        assert!(
            parse_strs(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }

    #[test]
    fn names_with_a_port_are_looked_up() {
        assert!(resolve("localhost:7000", 1).unwrap().ip().is_loopback());
        assert!(resolve("localhost", 1).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_is_an_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![0xff, 0xfe]);
        let err = parse_listen("127.0.0.1:1", USAGE, [bad]).unwrap_err();
        assert!(err.contains("not valid UTF-8"), "{err}");
    }
}
