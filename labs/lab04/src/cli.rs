//! The command line of lab04: `lab04 [--listen ADDR]`.
//!
//! This part is done for you (and shared with the reference solution): it is the contract's
//! part that is not the lesson. Bad input becomes an error message, never a panic; note that
//! it reads `args_os`, because `std::env::args` panics on an argument that is not UTF-8.

use std::ffi::OsString;
use std::net::{SocketAddr, ToSocketAddrs};

/// Where the server listens when `--listen` is not given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7879";

pub const USAGE: &str = "usage: lab04 [--listen ADDR]   (default 127.0.0.1:7879)";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve on this address.
    Serve { listen: SocketAddr },
    /// Print the usage and exit.
    Help,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut listen = DEFAULT_LISTEN.to_string();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|bad| format!("argument {bad:?} is not valid UTF-8; {USAGE}"))?;
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => {
                listen = args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| {
                        format!("--listen needs an address, like --listen {DEFAULT_LISTEN}")
                    })?;
            }
            other => match other.strip_prefix("--listen=") {
                Some(value) => listen = value.to_string(),
                None => return Err(format!("unexpected argument '{other}'; {USAGE}")),
            },
        }
    }
    Ok(Command::Serve {
        listen: resolve(&listen)?,
    })
}

/// Turns `IP:PORT` (or `localhost:PORT`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    let invalid = || {
        format!("'{text}' is not an address: expected IP:PORT, like 127.0.0.1:7879 or [::1]:7879")
    };
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    // Names such as localhost:7879 are looked up; anything without a port is refused.
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

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn defaults_and_forms() {
        let default: SocketAddr = DEFAULT_LISTEN.parse().unwrap();
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
        assert!(
            parse_strs(&["--listen", "nope"])
                .unwrap_err()
                .contains("not an address")
        );
        assert!(parse_strs(&["--listen", "127.0.0.1:99999"]).is_err());
        assert!(
            parse_strs(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }
}
