//! The command line of lab05: `lab05 [--listen ADDR] [--root DIR] [--timeout SECS]`.
//!
//! This part is done for you (the starter and the reference solution both use it): it is the
//! part of the contract that is not the lesson. Bad input becomes an error message, never a panic; note
//! that it reads `args_os`, because `std::env::args` panics on an argument that is not UTF-8.

pub mod tables;

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where the server listens when `--listen` is not given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// How long a client may take to send a whole request head (and how long an idle
/// keep-alive connection is kept) when `--timeout` is not given.
pub const DEFAULT_TIMEOUT_SECS: u64 = 10;

pub const USAGE: &str = "usage: lab05 [--listen ADDR] [--root DIR] [--timeout SECS]   (defaults 127.0.0.1:8080, the current directory, 10)";

/// What the server needs to know, read from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The directory whose files are served. It is canonical (absolute, no `..`, no
    /// symbolic links), so a file's canonical path can be compared with it.
    pub root: PathBuf,
    /// The deadline for one request head, and for an idle connection between requests.
    pub timeout: Duration,
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
    let mut root = PathBuf::from(".");
    let mut timeout = DEFAULT_TIMEOUT_SECS.to_string();
    let mut flags = crate::Flags::new(args, USAGE);
    while let Some(flag) = flags.next_flag() {
        let flag = flag?;
        let mut value = |example: &str| flags.value(&flag, "a value", example);
        match flag.name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => listen = value(DEFAULT_LISTEN)?,
            "--root" => root = PathBuf::from(value("./public")?),
            "--timeout" => timeout = value("10")?,
            _ => return Err(flags.unexpected(&flag)),
        }
    }
    Ok(Command::Serve(Config {
        listen: resolve(&listen)?,
        root: directory(root)?,
        timeout: seconds(&timeout)?,
    }))
}

/// Turns `IP:PORT` (or `localhost:PORT`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    crate::resolve(text, 8080)
}

/// The root directory, made canonical. It must exist and be a directory.
fn directory(root: PathBuf) -> Result<PathBuf, String> {
    let canonical = root
        .canonicalize()
        .map_err(|e| format!("--root {}: {e}", root.display()))?;
    if !canonical.is_dir() {
        return Err(format!("--root {}: not a directory", root.display()));
    }
    Ok(canonical)
}

/// A whole number of seconds, at least 1.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(n) if (1..=3600).contains(&n) => Ok(Duration::from_secs(n)),
        _ => Err(format!(
            "'{text}' is not a timeout: expected whole seconds from 1 to 3600, like --timeout 10"
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
        let Ok(Command::Serve(config)) = parse_strs(&[]) else {
            panic!("no arguments is a valid command line");
        };
        assert_eq!(config.listen, DEFAULT_LISTEN.parse().unwrap());
        assert_eq!(
            config.root,
            std::env::current_dir().unwrap().canonicalize().unwrap()
        );
        assert_eq!(config.timeout, Duration::from_secs(DEFAULT_TIMEOUT_SECS));
        let tmp = std::env::temp_dir();
        let root = tmp.to_str().unwrap();
        let Ok(Command::Serve(config)) =
            parse_strs(&["--listen=0.0.0.0:9000", "--root", root, "--timeout", "2"])
        else {
            panic!("a valid command line");
        };
        assert_eq!(config.listen, "0.0.0.0:9000".parse().unwrap());
        assert_eq!(config.root, tmp.canonicalize().unwrap());
        assert_eq!(config.timeout, Duration::from_secs(2));
        assert_eq!(parse_strs(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let error = |args: &[&str]| parse_strs(args).unwrap_err();
        assert!(error(&["--listen"]).contains("needs a value"));
        assert!(error(&["--listen", "nope"]).contains("not an address"));
        assert!(error(&["--root", "/no/such/dir/here"]).contains("--root"));
        assert!(error(&["--root", "Cargo.toml"]).contains("not a directory"));
        assert!(error(&["--timeout", "0"]).contains("not a timeout"));
        assert!(error(&["--timeout", "soon"]).contains("not a timeout"));
        assert!(error(&["--bogus"]).contains("unexpected argument"));
    }
}
