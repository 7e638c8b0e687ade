//! The reference solution of lab01: an HTTP/1.1 GET written by hand on a TCP socket, and a
//! client that talks and listens on one connection at the same time.
//!
//! `lab01 get URL` is HTTP with nothing hidden: [`url::parse`] reads the URL,
//! [`request::request`] writes the request as text, and [`response`] reads the answer back
//! from the same socket: the head up to its empty line, then the body, framed by its
//! Content-Length or by the server closing the connection.
//!
//! `lab01 talk ADDR` is what HTTP does not do: [`talk::talk`] listens to the server and
//! sends what the user types, both at once, so the server may speak first, or often.
//!
//! Each piece that a classic mistake replaces is a function in [`Parts`], so that a variant
//! in `bugs/` swaps exactly that piece and nothing else.

pub use lab_support::lab01 as cli;
pub mod request;
pub mod response;
pub mod talk;
pub mod url;

use std::io::{self, Write};
use std::net::TcpStream;
use std::process::ExitCode;

use cli::Url;
use response::Head;

/// Copies a body to `out`: the stream, the bytes that came with the head, the
/// Content-Length if there is one.
pub type CopyBody = fn(&mut TcpStream, &[u8], Option<u64>, &mut dyn Write) -> io::Result<()>;

/// The pieces a classic mistake can replace.
pub struct Parts {
    /// The request's bytes, as text.
    pub request: fn(&Url) -> String,
    /// Copies the body to stdout.
    pub copy_body: CopyBody,
    /// The two-way conversation on a connected stream.
    pub talk: fn(TcpStream) -> io::Result<()>,
}

/// The reference solution's pieces.
pub const REFERENCE: Parts = Parts {
    request: request::request,
    copy_body: response::copy_body,
    talk: talk::talk,
};

/// The whole program. Every way it can end is a message and an exit code, never a panic.
pub fn main(parts: Parts) -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Get { url }) => get(&parts, &url),
        Ok(cli::Command::Talk { addr }) => {
            // connect tries every address the name resolves to (localhost may be ::1 and
            // 127.0.0.1) and returns the first that answers.
            match TcpStream::connect(addr.as_str()).and_then(parts.talk) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("lab01: talk {addr}: {e}");
                    ExitCode::from(2)
                }
            }
        }
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

/// `lab01 get URL`. The exit code sums up what happened: 0 for a 2xx status, 1 for any other
/// status (the server answered, with bad news), 2 when there is no status to judge.
fn get(parts: &Parts, text: &str) -> ExitCode {
    let url = match url::parse(text) {
        Ok(url) => url,
        Err(message) => {
            eprintln!("lab01: {message}");
            return ExitCode::from(2);
        }
    };
    match fetch(parts, &url) {
        Ok(head) if (200..300).contains(&head.status) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("lab01: get {text}: {e}");
            ExitCode::from(2)
        }
    }
}

/// One GET, start to end.
fn fetch(parts: &Parts, url: &Url) -> io::Result<Head> {
    let target = format!("{}:{}", url.host, url.port);
    let mut stream = TcpStream::connect(target.as_str())
        .map_err(|e| io::Error::new(e.kind(), format!("cannot connect to {target}: {e}")))?;
    // The request is text, and write_all hands the kernel every byte of it, looping over
    // partial writes. Nothing else makes it "HTTP": the server reads the same bytes.
    stream.write_all((parts.request)(url).as_bytes())?;

    let (head, start) = response::read_head(&mut stream)?;
    let head = response::parse_head(&head)?;
    // The status line goes to stderr, so that stdout carries the body alone and
    // `lab01 get URL > file` saves exactly what the server sent.
    eprintln!("{}", head.status_line);
    (parts.copy_body)(
        &mut stream,
        &start,
        head.content_length,
        &mut io::stdout().lock(),
    )?;
    Ok(head)
}
