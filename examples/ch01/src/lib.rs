//! What the chapter 1 examples share: their command lines, and how a server says where it
//! listens.
//!
//! Each program's own file is about the conversation on the socket; the argument parsing
//! lives here so that it does not get in the way of the listings in the book. Bad input
//! becomes a one-line message and exit code 2, never a panic. That is why the programs read
//! `std::env::args_os`: `std::env::args` panics on an argument that is not valid UTF-8.

use std::ffi::OsString;
use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::ExitCode;
use std::time::Duration;

/// A server's command line: `[--listen ADDR] [--every MS]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerArgs {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// How often to push a line (only `push` takes this).
    pub every: Duration,
}

/// What the user asked a program to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run with these arguments.
    Run(ServerArgs),
    /// Print the usage and exit.
    Help,
}

/// Reads a server's arguments (without the program name). `defaults` gives the address to
/// use without `--listen`; `--every` is accepted only when `takes_every` is true.
pub fn parse_server(
    args: impl IntoIterator<Item = OsString>,
    defaults: ServerArgs,
    takes_every: bool,
) -> Result<Command, String> {
    let mut server = defaults;
    let args: Vec<String> = args
        .into_iter()
        .map(|arg| {
            arg.into_string()
                .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
        })
        .collect::<Result<_, _>>()?;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // Both `--listen ADDR` and `--listen=ADDR` work.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value)),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .map(str::to_string)
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => server.listen = resolve(&value()?)?,
            "--every" if takes_every => server.every = millis(&value()?)?,
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    Ok(Command::Run(server))
}

/// Turns `IP:PORT` (or a name with a port, like `localhost:8081`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    lab_support::resolve(text, 8081)
}

fn millis(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(ms) if (10..=3_600_000).contains(&ms) => Ok(Duration::from_millis(ms)),
        _ => Err(format!(
            "'{text}' is not a period: expected milliseconds, from 10 to 3600000"
        )),
    }
}

/// Prints `PROGRAM: MESSAGE` and the usage on stderr, and gives the exit code for bad input.
pub fn usage_error(program: &str, usage: &str, message: &str) -> ExitCode {
    eprintln!("{program}: {message}\nusage: {usage}");
    ExitCode::from(2)
}

/// Binds `addr` and prints `listening on ADDR`, with the address really bound (with port 0
/// the kernel picks the port), flushed at once so that whoever waits for it sees it.
pub fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let listener = TcpListener::bind(addr)?;
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()?;
    Ok(listener)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> ServerArgs {
        ServerArgs {
            listen: "127.0.0.1:8081".parse().unwrap(),
            every: Duration::from_secs(1),
        }
    }

    fn parse(args: &[&str], takes_every: bool) -> Result<Command, String> {
        parse_server(args.iter().map(OsString::from), defaults(), takes_every)
    }

    #[test]
    fn forms() {
        assert_eq!(parse(&[], false), Ok(Command::Run(defaults())));
        let Ok(Command::Run(args)) = parse(&["--listen=0.0.0.0:9", "--every", "250"], true) else {
            panic!("valid arguments must parse")
        };
        assert_eq!(args.listen, "0.0.0.0:9".parse().unwrap());
        assert_eq!(args.every, Duration::from_millis(250));
        assert_eq!(parse(&["-h"], false), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(
            parse(&["--listen"], false)
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse(&["--listen", "x"], false)
                .unwrap_err()
                .contains("not an address")
        );
        assert!(
            parse(&["--every", "5"], true)
                .unwrap_err()
                .contains("not a period")
        );
        assert!(
            parse(&["--every", "5"], false)
                .unwrap_err()
                .contains("unexpected")
        );
        assert!(
            parse(&["--bogus"], true)
                .unwrap_err()
                .contains("unexpected")
        );
    }
}
