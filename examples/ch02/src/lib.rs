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

/// A server's command line:
/// `[--listen ADDR] [--backlog N] [--no-reuseaddr] [--reuseport] [--v6only]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerArgs {
    /// The address to bind.
    pub listen: SocketAddr,
    /// How many finished handshakes the kernel may queue for us before we accept them.
    pub backlog: i32,
    /// Whether to set SO_REUSEADDR before bind. Always true, except for the TIME_WAIT
    /// experiment in the chapter, which turns it off to watch bind fail.
    pub reuse_address: bool,
    /// Whether to set SO_REUSEPORT, so that several servers can listen on one port. Off,
    /// except for the chapter's experiment that starts two counters on the same port.
    pub reuse_port: bool,
    /// For an IPv6 address: whether the socket takes IPv6 clients only (IPV6_V6ONLY). Off
    /// by default, so that a server on `[::]` serves IPv4 clients too.
    pub only_v6: bool,
}

/// A client's command line: `[--reset] [HOST:PORT]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientArgs {
    /// Where to connect, as given: an address (`127.0.0.1:7070`, `[::1]:7070`) or a name
    /// with a port (`localhost:7070`), which the program resolves itself.
    pub target: String,
    /// End the connection with a reset (SO_LINGER 0) instead of the orderly half-close.
    pub reset: bool,
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
        reuse_port: false,
        only_v6: false,
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
            "--reuseport" if inline.is_none() => server.reuse_port = true,
            "--v6only" if inline.is_none() => server.only_v6 = true,
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    Ok(Command::Run(server))
}

/// Reads a client's arguments (without the program name): `--reset`, and at most one target.
///
/// The target is checked for the shape `HOST:PORT` here and resolved by the program, which
/// tries each address the name has in turn.
pub fn parse_client(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command<ClientArgs>, String> {
    let mut client = ClientArgs {
        target: DEFAULT_ADDR.to_string(),
        reset: false,
    };
    let mut target = None;
    for arg in utf8(args)? {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--reset" => client.reset = true,
            flag if flag.starts_with('-') => return Err(format!("unexpected argument '{flag}'")),
            _ if target.is_some() => return Err(format!("unexpected argument '{arg}'")),
            _ => target = Some(arg),
        }
    }
    if let Some(text) = target {
        // An address is checked completely; a name only for its port.
        if text.parse::<SocketAddr>().is_err() && !has_port(&text) {
            return Err(format!(
                "'{text}' is not an address: expected HOST:PORT, like 127.0.0.1:7070, [::1]:7070 or localhost:7070"
            ));
        }
        client.target = text;
    }
    Ok(Command::Run(client))
}

/// `HOST:PORT` with a host that is not empty and a port that is a number.
fn has_port(text: &str) -> bool {
    match text.rsplit_once(':') {
        Some((host, port)) => !host.is_empty() && port.parse::<u16>().is_ok(),
        None => false,
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

    fn client(args: &[&str]) -> Result<Command<ClientArgs>, String> {
        parse_client(args.iter().map(OsString::from))
    }

    fn run(target: &str, reset: bool) -> Result<Command<ClientArgs>, String> {
        Ok(Command::Run(ClientArgs {
            target: target.to_string(),
            reset,
        }))
    }

    #[test]
    fn server_defaults_and_forms() {
        let Ok(Command::Run(default)) = server(&[]) else {
            panic!("no arguments must run with the defaults")
        };
        assert_eq!(default.listen, DEFAULT_ADDR.parse().unwrap());
        assert_eq!(default.backlog, DEFAULT_BACKLOG);
        assert!(default.reuse_address);

        assert!(!default.reuse_port);
        assert!(!default.only_v6);

        let Ok(Command::Run(args)) = server(&[
            "--listen",
            "0.0.0.0:9000",
            "--backlog=3",
            "--no-reuseaddr",
            "--reuseport",
            "--v6only",
        ]) else {
            panic!("valid arguments must parse")
        };
        assert_eq!(args.listen, "0.0.0.0:9000".parse().unwrap());
        assert_eq!(args.backlog, 3);
        assert!(!args.reuse_address);
        assert!(args.reuse_port);
        assert!(args.only_v6);
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
        assert!(server(&["--reuseport=1"]).is_err());
        assert!(
            server(&["--bogus"])
                .unwrap_err()
                .contains("unexpected argument")
        );
    }

    #[test]
    fn client_forms() {
        assert_eq!(client(&[]), run(DEFAULT_ADDR, false));
        assert_eq!(client(&["[::1]:80"]), run("[::1]:80", false));
        assert_eq!(client(&["localhost:80"]), run("localhost:80", false));
        assert_eq!(
            client(&["--reset", "127.0.0.1:1"]),
            run("127.0.0.1:1", true)
        );
        assert_eq!(client(&["-h"]), Ok(Command::Help));
        for bad in ["nope", "localhost", ":80", "localhost:http", "host:99999"] {
            assert!(
                client(&[bad]).unwrap_err().contains("not an address"),
                "{bad}"
            );
        }
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
