//! One GET, start to end: connect, send the request, read the head, report the status line,
//! copy the body.

use std::io::{self, Write};
use std::net::TcpStream;

use lab_support::lab01::Url;

use crate::head::{self, Head};
use crate::{body, request};

/// Fetches `url`: the body goes to stdout, the status line to stderr. Returns the head, so
/// that the caller can judge the status.
pub fn fetch(url: &Url) -> io::Result<Head> {
    let mut stream = connect(url)?;
    // The request is text, and write_all hands the kernel every byte of it, looping over
    // partial writes. Nothing else makes it "HTTP": the server reads the same bytes.
    stream.write_all(request::request(url).as_bytes())?;

    let (head, start) = head::read_head(&mut stream)?;
    let head = head::parse_head(&head)?;
    // The status line goes to stderr, so that stdout carries the body alone and
    // `lab01 get URL > file` saves exactly what the server sent.
    eprintln!("{}", head.status_line);
    body::copy_body(
        &mut stream,
        &start,
        head.content_length,
        &mut io::stdout().lock(),
    )?;
    Ok(head)
}

/// Connects to the URL's host and port.
pub fn connect(url: &Url) -> io::Result<TcpStream> {
    // `[::1]:8080` and `example.com:80` both resolve as written: std's connect looks the name
    // up and tries every address it has (localhost may be ::1 and 127.0.0.1), returning the
    // first that answers.
    let target = format!("{}:{}", url.host, url.port);
    TcpStream::connect(target.as_str())
        .map_err(|e| io::Error::new(e.kind(), format!("cannot connect to {target}: {e}")))
}
