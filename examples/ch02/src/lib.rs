//! What the chapter 2 examples share: their command lines.
//!
//! Each program's own file is about sockets; the argument parsing lives here so that it does
//! not get in the way of the listings in the book. Bad input becomes a one-line message and
//! exit code 2, never a panic. That is why the programs read `std::env::args_os`:
//! `std::env::args` panics on an argument that is not valid UTF-8.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Where the examples meet when no address is given: the loopback interface, port 7070.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7070";

/// The backlog a server asks for when `--backlog` is not given. Linux silently caps whatever
/// we ask for at `net.core.somaxconn`.
pub const DEFAULT_BACKLOG: i32 = 128;

/// The largest backlog we accept on the command line: more is never useful, and it keeps the
/// number far from `i32`'s limits.
const MAX_BACKLOG: i32 = 65_535;

/// A server's command line: `[--listen ADDR] [--backlog N] [--no-reuseaddr]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerArgs {
    /// The address to bind.
    pub listen: SocketAddr,
    /// How many finished handshakes the kernel may queue for us before we accept them.
    pub backlog: i32,
    /// Whether to set SO_REUSEADDR before bind. Always true, except for the TIME_WAIT
    /// experiment in the chapter, which turns it off to watch bind fail.
    pub reuse_address: bool,
}

/// What the user asked a program to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Command<T> {
    /// Run with these arguments.
    Run(T),
    /// Print the usage and exit.
    Help,
}

/// Reads a server's arguments (without the program name).
pub fn parse_server(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<ServerArgs>, String> {
    let mut server = ServerArgs {
        listen: resolve(DEFAULT_ADDR)?,
        backlog: DEFAULT_BACKLOG,
        reuse_address: true,
    };
    let mut args = utf8(args)?.into_iter();
    while let Some(arg) = args.next() {
        // Both `--listen ADDR` and `--listen=ADDR` work.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => server.listen = resolve(&value()?)?,
            "--backlog" => server.backlog = backlog(&value()?)?,
            "--no-reuseaddr" if inline.is_none() => server.reuse_address = false,
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    Ok(Command::Run(server))
}

/// Reads a client's arguments (without the program name): at most one address.
pub fn parse_client(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<SocketAddr>, String> {
    let args = utf8(args)?;
    match args.as_slice() {
        [] => Ok(Command::Run(resolve(DEFAULT_ADDR)?)),
        [flag] if flag == "-h" || flag == "--help" => Ok(Command::Help),
        [addr] if !addr.starts_with('-') => Ok(Command::Run(resolve(addr)?)),
        [addr] => Err(format!("unexpected argument '{addr}'")),
        [_, extra, ..] => Err(format!("unexpected argument '{extra}'")),
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

fn backlog(text: &str) -> Result<i32, String> {
    match text.parse::<i32>() {
        Ok(n) if (0..=MAX_BACKLOG).contains(&n) => Ok(n),
        _ => Err(format!(
            "'{text}' is not a backlog: expected a number from 0 to {MAX_BACKLOG}"
        )),
    }
}

fn utf8(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .map(|arg| {
            arg.into_string()
                .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(args: &[&str]) -> Result<Command<ServerArgs>, String> {
        parse_server(args.iter().map(OsString::from))
    }

    fn client(args: &[&str]) -> Result<Command<SocketAddr>, String> {
        parse_client(args.iter().map(OsString::from))
    }

    #[test]
    fn server_defaults_and_forms() {
        let Ok(Command::Run(default)) = server(&[]) else {
            panic!("no arguments must run with the defaults")
        };
        assert_eq!(default.listen, DEFAULT_ADDR.parse().unwrap());
        assert_eq!(default.backlog, DEFAULT_BACKLOG);
        assert!(default.reuse_address);

        let Ok(Command::Run(args)) =
            server(&["--listen", "0.0.0.0:9000", "--backlog=3", "--no-reuseaddr"])
        else {
            panic!("valid arguments must parse")
        };
        assert_eq!(args.listen, "0.0.0.0:9000".parse().unwrap());
        assert_eq!(args.backlog, 3);
        assert!(!args.reuse_address);
        assert_eq!(server(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn server_bad_input_is_an_error() {
        assert!(server(&["--listen"]).unwrap_err().contains("needs a value"));
        assert!(
            server(&["--listen", "nope"])
                .unwrap_err()
                .contains("not an address")
        );
        assert!(server(&["--listen", "127.0.0.1:99999"]).is_err());
        assert!(
            server(&["--backlog", "-1"])
                .unwrap_err()
                .contains("not a backlog")
        );
        assert!(
            server(&["--backlog", "many"])
                .unwrap_err()
                .contains("not a backlog")
        );
        assert!(server(&["--no-reuseaddr=yes"]).is_err());
        assert!(
            server(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }

    #[test]
    fn client_forms() {
        assert_eq!(client(&[]), Ok(Command::Run(DEFAULT_ADDR.parse().unwrap())));
        assert_eq!(
            client(&["[::1]:80"]),
            Ok(Command::Run("[::1]:80".parse().unwrap()))
        );
        assert_eq!(client(&["-h"]), Ok(Command::Help));
        assert!(client(&["nope"]).unwrap_err().contains("not an address"));
        assert!(
            client(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
        assert!(
            client(&["127.0.0.1:1", "127.0.0.1:2"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_an_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'-', 0xff]);
        assert!(parse_server([bad.clone()]).unwrap_err().contains("UTF-8"));
        assert!(parse_client([bad]).unwrap_err().contains("UTF-8"));
    }
}
