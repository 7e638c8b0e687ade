//! Lab 05: a static-file HTTP/1.1 server on a TCP socket.
//!
//! Read chapter 5, "A toy HTTP server" (`src/en/ch05-toy-http-server.md`;
//! 한국어: `src/ko/ch05-toy-http-server.md`), then fill in the TODOs below, in order.
//! Grade your work with `cargo test -p lab05`: each failing check says which TODO it needs
//! and which section of the chapter explains it. Try it by hand with
//! `cargo run -p lab05 -- --root examples/ch05/site` in one terminal and
//! `curl -v http://127.0.0.1:8080/` in another (or open that address in a browser).
//!
//! The plan below is blocking sockets and a thread per connection, like the reference.
//! You may use tokio instead (chapter 4): add `tokio.workspace = true` to this crate's
//! Cargo.toml and keep the same steps; the grader only sees the bytes.
//!
//! TODO list (everything else in this crate is done):
//!
//! 1. `open_and_announce`: bind a `TcpListener` to `addr` (IPv4 or IPv6, whichever it is),
//!    print `listening on ADDR` with the address really bound (`local_addr()`), flush
//!    stdout, return the listener. (§ "The contract")
//! 2. `serve`: accept connections forever, each on its own thread running
//!    `handle_connection`, so that a slow client holds up nobody else. Log a failed accept
//!    or a failed connection on stderr and go on; after a failed accept, pause before the
//!    next try, longer after each failure in a row (a lasting error must not spin the CPU).
//!    (§ "Many clients at once")
//! 3. `read_head`: read from the stream into `buf` until `buf` holds an empty line (the end
//!    of a request head); return the head (up to and including the empty line) and leave
//!    the bytes after it in `buf`: they are the next, pipelined request, so look there
//!    before reading again. A head of up to `MAX_HEAD` bytes, empty line included, is
//!    served; a longer one is `HeadError::TooLarge`. It must be complete by `deadline`:
//!    before every read, set the read timeout to the time left (`HeadError::TimedOut`). EOF
//!    before any byte is `Ok(None)`. (§ "Partial reads", § "Limits on the head",
//!    § "Pipelining", § "Slow and huge clients")
//! 4. `parse_request`: the request line (`METHOD SP TARGET SP VERSION`) and the header
//!    fields (`Name: value`, no space before the colon) into a `Request`. Anything
//!    malformed is `Err(400)`. `HTTP/1.0` is 1.0; `HTTP/1.1` and any later `HTTP/1.x` is
//!    1.1; a well-formed `HTTP/x.y` with another major version is `Err(505)`. The target
//!    is `/path?query`, or a whole URL `http://host/path?query` (the absolute form: keep
//!    what follows the host). An HTTP/1.1 request needs exactly one `Host` (no request may
//!    have two), and its value must be `host[:port]`; else `Err(400)`. Set `has_body` from
//!    `Content-Length` (digits only, and several must agree, else `Err(400)`) and
//!    `Transfer-Encoding`; header names in any case. No `unwrap()` on anything the client
//!    sent. (§ "Request line and headers", § "Malformed requests",
//!    § "Bodies and request smuggling")
//! 5. `resolve`: the file a target names under the root. Cut the target at `?`,
//!    percent-decode it once, THEN check every `/`-separated segment: `..`, a backslash or
//!    a NUL is `Err(403)`. Build the path from the root and the remaining segments (never
//!    decode them again); a directory means its `index.html`; no such file is `Err(404)`.
//!    (§ "From URL to path", § "Path traversal")
//! 6. `write_response`: the status line, `Content-Length` (the body's length in BYTES),
//!    `Content-Type` when there is one, `Connection: close` when closing, the extra
//!    headers, the empty line, then the body, unless `head_only`, whatever the status. Head
//!    and body leave in ONE write (one buffer, or a BufWriter flushed once): two small
//!    writes wait 40 ms for an ACK. (§ "Content-Length counts bytes", § "HEAD",
//!    § "Small writes")
//! 7. `handle_connection`: the loop of one connection. Read a head (deadline: now +
//!    `config.timeout`, a new one for every head, after a response too), parse it, answer:
//!    405 with `Allow: GET, HEAD` for POST, PUT, DELETE and the other methods RFC 9110
//!    defines, 501 for a method you do not know, the file or an error status otherwise.
//!    Each response has a deadline too (now + `config.timeout`): a client that reads it
//!    too slowly is cut off. A write timeout bounds one write, not the response, so set it
//!    to the time left before every write. Keep the connection open for HTTP/1.1 unless
//!    the `Connection` header lists `close` (a comma-separated list, any case, spaces
//!    allowed); HTTP/1.0 closes after the response, and so does a request with a body
//!    (this server does not read bodies). A head that is too large (431), malformed (400,
//!    505) or too slow (408, or just close) is answered and the connection closed.
//!    (§ "Persistent connections", § "Status codes", § "Bodies and request smuggling",
//!    § "Slow and huge clients")
//! 8. Delete the `#![allow(...)]` line below and fix any warning it was hiding.

// The unfinished starter leaves some names unused; this keeps it quiet until you are done.
#![allow(unused_variables, unused_imports, dead_code, clippy::ptr_arg)]

use lab_support::lab05 as cli;
use lab_support::lab05::tables;

use std::fs;
use std::io::{self, BufWriter, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use cli::Config;
use tables::{content_type, reason};

/// The largest request head to read: request line, headers and the empty line.
const MAX_HEAD: usize = 8 * 1024;

fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab05: {message}");
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    // Errors that end the server (the address is in use, say) become one line on stderr.
    match run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab05: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(config: Config) -> io::Result<()> {
    let listener = open_and_announce(config.listen)?;
    serve(listener, Arc::new(config))
}

/// The HTTP versions this server speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Version {
    Http10,
    Http11,
}

/// A parsed request head.
#[derive(Debug)]
struct Request {
    /// `GET`, `HEAD`, ...
    method: String,
    /// The target as sent, still percent-encoded: `/docs/a%20b.txt?x=1`.
    target: String,
    version: Version,
    /// Header fields in order; compare names without regard to case.
    headers: Vec<(String, String)>,
    /// Whether a body follows the head (Content-Length above 0, or Transfer-Encoding).
    has_body: bool,
}

impl Request {
    /// The value of the first header field called `name` (any case).
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no request head could be read.
#[derive(Debug)]
enum HeadError {
    /// The head grew past MAX_HEAD without its empty line.
    TooLarge,
    /// The deadline passed; `partial` says whether some of a request had arrived.
    TimedOut { partial: bool },
    /// The client closed the connection in the middle of a head.
    Truncated,
    /// The connection failed (a reset, most often).
    Io(io::Error),
}

/// TODO 1: bind, print `listening on ADDR` (the address really bound), flush, return.
fn open_and_announce(addr: SocketAddr) -> io::Result<TcpListener> {
    todo!("TODO 1: bind a TcpListener to the address and print `listening on ADDR`")
}

/// TODO 2: accept forever; a thread per connection running `handle_connection`.
fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
    todo!("TODO 2: accept connections, each on its own thread")
}

/// TODO 3: read one request head into `buf` (limit MAX_HEAD, deadline), keep the rest.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> Result<Option<Vec<u8>>, HeadError> {
    todo!("TODO 3: read until the empty line that ends a request head")
}

/// TODO 4: the request line and header fields, or the status that refuses them.
fn parse_request(head: &[u8]) -> Result<Request, u16> {
    todo!("TODO 4: parse the request line and the header fields")
}

/// TODO 5: the file `target` names under `root`: decode first, then check, never leave.
fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
    todo!("TODO 5: map the request target to a file under the root")
}

/// TODO 6: status line, Content-Length (bytes), Content-Type, Connection: close when
/// `close`, the `extra` headers, the empty line, and `body` unless `head_only`.
fn write_response(
    out: &mut impl Write,
    status: u16,
    content_type: Option<&str>,
    extra: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
    close: bool,
) -> io::Result<()> {
    todo!("TODO 6: write a response: status line, headers, empty line, body")
}

/// TODO 7: read, parse, answer, again, while the connection is kept alive.
fn handle_connection(stream: TcpStream, peer: SocketAddr, config: &Config) -> io::Result<()> {
    todo!("TODO 7: serve the requests of one connection, one after another")
}
