//! The command line of lab01: `lab01 get URL` and `lab01 talk ADDR`.
//!
//! This part is done for you (the starter and the reference solution both use it): it is the
//! part of the contract that is not the lesson. Bad input becomes an error message, never a panic; note
//! that it reads `args_os`, because `std::env::args` panics on an argument that is not UTF-8.
//!
//! Reading the URL itself is *not* done here: that is TODO 1 in `main.rs`. This file only
//! defines the [`Url`] you fill in.

use std::ffi::OsString;

pub const USAGE: &str = "usage: lab01 get http://HOST[:PORT]/PATH\n       lab01 talk HOST:PORT";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `get URL`: fetch the URL. The text is passed on as typed; TODO 1 reads it.
    Get { url: String },
    /// `talk ADDR`: a two-way line conversation with the server at `HOST:PORT`.
    Talk { addr: String },
    /// Print the usage and exit.
    Help,
}

/// The parts of an `http://HOST[:PORT]/PATH` URL that a GET request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// The host as written in the URL: a name (`example.com`), an IPv4 address
    /// (`127.0.0.1`) or an IPv6 address in brackets (`[::1]`).
    pub host: String,
    /// The port: the one written after the host, or 80 when none was.
    pub port: u16,
    /// Whether the URL wrote a port. The `Host` header repeats the port only then.
    pub port_given: bool,
    /// The path, with the query if there is one, always starting with `/`
    /// (`http://example.com` asks for `/`). Never contains a fragment (`#...`).
    pub path: String,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let args: Vec<String> = args
        .into_iter()
        .map(|arg| {
            arg.into_string()
                .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
        })
        .collect::<Result<_, _>>()?;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => Err("no command given".to_string()),
        ["-h" | "--help" | "help", ..] => Ok(Command::Help),
        ["get", url] => Ok(Command::Get {
            url: url.to_string(),
        }),
        ["talk", addr] => Ok(Command::Talk {
            addr: host_and_port(addr)?.to_string(),
        }),
        ["get" | "talk"] => Err(format!("'{}' needs one argument", args[0])),
        ["get" | "talk", _, extra, ..] => Err(format!("unexpected argument '{extra}'")),
        [other, ..] => Err(format!("unknown command '{other}'")),
    }
}

/// Checks that `text` looks like `HOST:PORT` (the connection itself may still fail).
fn host_and_port(text: &str) -> Result<&str, String> {
    let invalid = || format!("'{text}' is not HOST:PORT, like 127.0.0.1:7171 or localhost:7171");
    let (host, port) = text.rsplit_once(':').ok_or_else(invalid)?;
    if host.is_empty() || port.parse::<u16>().map_or(true, |p| p == 0) {
        return Err(invalid());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn commands() {
        assert_eq!(
            parse_strs(&["get", "http://127.0.0.1:8080/"]),
            Ok(Command::Get {
                url: "http://127.0.0.1:8080/".into()
            })
        );
        assert_eq!(
            parse_strs(&["talk", "localhost:7171"]),
            Ok(Command::Talk {
                addr: "localhost:7171".into()
            })
        );
        assert_eq!(parse_strs(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(parse_strs(&[]).unwrap_err().contains("no command"));
        assert!(parse_strs(&["get"]).unwrap_err().contains("needs one"));
        assert!(
            parse_strs(&["talk", "nope"])
                .unwrap_err()
                .contains("HOST:PORT")
        );
        assert!(
            parse_strs(&["talk", ":80"])
                .unwrap_err()
                .contains("HOST:PORT")
        );
        assert!(parse_strs(&["talk", "h:99999"]).is_err());
        assert!(parse_strs(&["get", "a", "b"]).unwrap_err().contains("'b'"));
        assert!(parse_strs(&["fetch", "a"]).unwrap_err().contains("unknown"));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_an_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'h', 0xff]);
        assert!(
            parse([OsString::from("get"), bad])
                .unwrap_err()
                .contains("UTF-8")
        );
    }
}
