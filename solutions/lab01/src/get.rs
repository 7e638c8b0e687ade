//! One GET, start to end: connect, send the request, read heads up to the final response's,
//! report its status line, copy its body.

use std::io::{self, Read, Write};
use std::net::TcpStream;

use lab_support::lab01::Url;

use crate::head::{self, Head};
use crate::{body, request};

/// Fetches `url`: the body goes to stdout, the status line to stderr. Returns the head of the
/// final response, so that the caller can judge the status.
pub fn fetch(url: &Url) -> io::Result<Head> {
    let mut stream = connect(url)?;
    // The request is text, and write_all hands the kernel every byte of it, looping over
    // partial writes. Nothing else makes it "HTTP": the server reads the same bytes.
    stream.write_all(request::request(url).as_bytes())?;

    let (head, start) = final_head(&mut stream)?;
    // The status line goes to stderr, so that stdout carries the body alone and
    // `lab01 get URL > file` saves exactly what the server sent.
    eprintln!("{}", head.status_line);
    let length = head::body_length(&head)?;
    body::copy_body(&mut stream, &start, length, &mut io::stdout().lock())?;
    Ok(head)
}

/// Reads response heads until the final one; returns it, and the bytes that came after it
/// (the start of its body).
///
/// A 1xx response is interim (RFC 9110 §15.2): `100 Continue`, or `103 Early Hints` with
/// links the page will need. It has no body, and it is not the answer: the final response
/// follows on the same connection. A client must read past any number of them, asked for or
/// not. What came after an interim head in the same read is the start of the next head, so
/// it goes into the next [`head::read_head`].
pub fn final_head(stream: &mut impl Read) -> io::Result<(Head, Vec<u8>)> {
    let mut start = Vec::new();
    loop {
        let (raw, rest) = head::read_head(stream, start)?;
        let head = head::parse_head(&raw)?;
        if !head::is_interim(head.status) {
            return Ok((head, rest));
        }
        // 101 is the one 1xx that is an answer: the connection now speaks another
        // protocol. A server may only switch to one the request asked for (RFC 9110 §7.8),
        // and this client asks for none: what follows is not HTTP.
        if head.status == 101 {
            return Err(head::malformed(format!(
                "{}, but the request asked for no other protocol",
                head.status_line
            )));
        }
        start = rest;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interim_responses_are_skipped() {
        let mut stream = &b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n\
            Link: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"[..];
        let (head, start) = final_head(&mut stream).unwrap();
        assert_eq!(head.status_line, "HTTP/1.1 200 OK");
        assert_eq!(start, b"ok");
    }

    #[test]
    fn an_unasked_switch_of_protocols_is_an_error() {
        let mut stream = &b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"[..];
        assert!(final_head(&mut stream).is_err());
    }
}
