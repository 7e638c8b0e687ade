//! Lab 01: an HTTP/1.1 GET by hand, and a two-way line client.
//!
//! Read chapter 1, "Sockets vs HTTP" (`src/en/ch01-sockets-vs-http.md`;
//! 한국어: `src/ko/ch01-sockets-vs-http.md`), then fill in the TODOs below, in order.
//! Grade your work with `cargo test -p lab01`: each failing check says which TODO it needs
//! and which section of the chapter explains it. Try it by hand against the chapter's
//! servers: `cargo run -p ch01-examples --bin mini-http` in one terminal, then
//! `cargo run -p lab01 -- get http://127.0.0.1:8081/` in another; and
//! `cargo run -p ch01-examples --bin push` with `cargo run -p lab01 -- talk 127.0.0.1:7171`.
//!
//! TODO list (everything else in this crate is done):
//!
//! 1. `parse_url`: read `http://HOST[:PORT]/PATH` into a `cli::Url`. The port is 80 when
//!    none is written; the path is `/` when none is written (also before a `?query`); a
//!    `#fragment` is dropped. An IPv6 address is written in brackets, `http://[::1]:8080/`:
//!    the host is `[::1]`, brackets kept, and the port comes after the `]`. Refuse anything
//!    else (another scheme, no host, a port that is not 1-65535, spaces or control
//!    characters) with an `Err` message: `get` turns it into exit code 2.
//!    (§ "The request, line by line")
//! 2. `request`: the bytes of the GET request: the request line `GET PATH HTTP/1.1`, a
//!    `Host` header with the URL's host exactly as written (a name stays a name) and `:PORT`
//!    only when the URL gave one, `Connection: close`, every line ended by `\r\n`, and one
//!    empty line at the end. (§ "The request, line by line")
//! 3. `send_request`: connect to HOST:PORT with `TcpStream::connect` (it looks a name up and
//!    tries every address it has) and write the whole request. (§ "HTTP is bytes on a TCP
//!    socket")
//! 4. `read_head`: read until the empty line that ends the head (`\r\n\r\n`), however many
//!    reads that takes, starting from `got`, the bytes already read (empty for the first
//!    head); return the head and the bytes that came after it (the start of the body).
//!    Heads up to 64 KiB must be read. (§ "Reading the response")
//! 5. `parse_head`: the status line (`HTTP/1.1 200 OK`; the reason phrase may be empty or
//!    have spaces), its status code, and where the body ends, by these rules in this order:
//!    a 1xx, 204 or 304 status has no body (`Some(0)`), whatever the headers say; a
//!    `Transfer-Encoding` (which this client does not decode) is an `InvalidData` error (use
//!    `malformed`); otherwise the Content-Length if there is one. Header names are
//!    case-insensitive, and the spaces and tabs around a value are not part of it. A
//!    response that is not HTTP, or with two different Content-Lengths, is an error too.
//!    (§ "Reading the response", § "Responses with no body, and responses before the answer")
//! 6. `read_final_head`: read heads until one whose status is not 1xx, and return it with
//!    the bytes after it. A 1xx response (`100 Continue`, `103 Early Hints`) is interim: the
//!    final response follows on the same connection, and the bytes after an interim head
//!    are the start of the next head. (§ "Responses with no body, and responses before the
//!    answer")
//! 7. `copy_body`: write the body to `out` as bytes, exactly: with a length, that many bytes
//!    and not one more (then stop reading, even if the server keeps the connection open;
//!    `Some(0)` is an empty body); without one, everything until the server closes. A
//!    connection that ends before the length is reached, or a read that fails, is an error:
//!    the body is incomplete. (§ "Reading the response")
//! 8. `talk`: connect to ADDR (`localhost:7171`, `127.0.0.1:7171` or `[::1]:7171`), then do
//!    two things at once: print every line the server sends as soon as it arrives (flush
//!    stdout after each; a line may come in several reads), and send every line read from
//!    stdin. When stdin ends, shut down only the sending side (`shutdown(Shutdown::Write)`)
//!    and keep printing. When the server closes, print what is left, even without a newline,
//!    and return, whether or not stdin has ended. (§ "A two-way client", § "Half-close")
//! 9. Delete the `#![allow(...)]` line below and fix any warning it was hiding.

// The unfinished starter leaves some names unused; this keeps it quiet until you are done.
#![allow(unused_variables, unused_imports, dead_code)]

use lab_support::lab01 as cli;

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::ExitCode;
use std::thread;

use cli::Url;

fn main() -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Get { url }) => get(&url),
        Ok(cli::Command::Talk { addr }) => match talk(&addr) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("lab01: talk {addr}: {e}");
                ExitCode::from(2)
            }
        },
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("lab01: {message}\n{}", cli::USAGE);
            ExitCode::from(2)
        }
    }
}

/// `lab01 get URL`: exit code 0 for a 2xx status, 1 for any other status, 2 when there is
/// no status to judge (a bad URL, no connection, a response that is not HTTP).
fn get(text: &str) -> ExitCode {
    let url = match parse_url(text) {
        Ok(url) => url,
        Err(message) => {
            eprintln!("lab01: {message}");
            return ExitCode::from(2);
        }
    };
    match fetch(&url) {
        Ok(head) if (200..300).contains(&head.status) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("lab01: get {text}: {e}");
            ExitCode::from(2)
        }
    }
}

/// One GET: send the request, read the head of the final response, report its status line
/// on stderr, copy its body to stdout.
fn fetch(url: &Url) -> io::Result<Head> {
    let mut stream = send_request(url)?;
    let (head, start) = read_final_head(&mut stream)?;
    eprintln!("{}", head.status_line);
    copy_body(
        &mut stream,
        &start,
        head.content_length,
        &mut io::stdout().lock(),
    )?;
    Ok(head)
}

/// What the head of a response says, as far as this client cares.
#[derive(Debug)]
struct Head {
    /// The first line, without its line ending: `HTTP/1.1 200 OK`.
    status_line: String,
    /// The status code from that line: `200`.
    status: u16,
    /// How many bytes the body has: the Content-Length, or `Some(0)` for a status that never
    /// has a body; `None` when the body ends where the connection does.
    content_length: Option<u64>,
}

/// The error for a response that is not HTTP: `get` reports it and exits with code 2.
fn malformed(what: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.into())
}

/// TODO 1: read `http://HOST[:PORT]/PATH`.
fn parse_url(text: &str) -> Result<Url, String> {
    todo!("TODO 1: read the URL {text:?} into a Url")
}

/// TODO 2: the bytes of the GET request for `url`.
fn request(url: &Url) -> String {
    todo!("TODO 2: write the GET request for {url:?}")
}

/// TODO 3: connect to the URL's host and port, and write the request.
fn send_request(url: &Url) -> io::Result<TcpStream> {
    todo!(
        "TODO 3: connect to {}:{} and send the request",
        url.host,
        url.port
    )
}

/// TODO 4: read until `\r\n\r\n`, starting from `got` (bytes already read); return (the
/// head, the bytes after it).
fn read_head(stream: &mut TcpStream, got: Vec<u8>) -> io::Result<(Vec<u8>, Vec<u8>)> {
    todo!("TODO 4: read the response head, up to the empty line")
}

/// TODO 5: the status line, the status code, and how long the body is.
fn parse_head(head: &[u8]) -> io::Result<Head> {
    todo!("TODO 5: read the status line and the body's length from the head")
}

/// TODO 6: the head of the final response, past any interim (1xx) ones; return (the head,
/// the bytes after it).
fn read_final_head(stream: &mut TcpStream) -> io::Result<(Head, Vec<u8>)> {
    todo!("TODO 6: read heads until the final response's")
}

/// TODO 7: write the body to `out`: `start`, then the rest from `stream`.
fn copy_body(
    stream: &mut TcpStream,
    start: &[u8],
    content_length: Option<u64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    todo!("TODO 7: copy the body to stdout, byte for byte")
}

/// TODO 8: a two-way conversation with the server at `addr`.
fn talk(addr: &str) -> io::Result<()> {
    todo!("TODO 8: connect to {addr}, print what the server sends, send what stdin reads")
}
