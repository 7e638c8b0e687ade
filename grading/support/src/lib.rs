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
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|bad| format!("argument {bad:?} is not valid UTF-8; {usage}"))?;
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => {
                listen = args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("--listen needs an address, like --listen {default}"))?;
            }
            other => match other.strip_prefix("--listen=") {
                Some(value) => listen = value.to_string(),
                None => return Err(format!("unexpected argument '{other}'; {usage}")),
            },
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
