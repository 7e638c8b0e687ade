//! Reading the response: the head, then the body.
//!
//! TCP delivers a byte stream, not messages. One `read` returns whatever has arrived so far:
//! half a header line, or the head and the first kilobytes of the body together. So the
//! response is read in two steps, each one a loop:
//!
//! 1. the head: read until the empty line (`\r\n\r\n`) has arrived, and keep whatever came
//!    after it, which is the start of the body;
//! 2. the body: exactly Content-Length bytes when the head gives one, or else everything
//!    until the server closes the connection.
//!
//! The body is bytes (an image, a zip file) and is copied as bytes: it is never turned into a
//! `String`, which would fail or, with `from_utf8_lossy`, quietly change it.

use std::io::{self, ErrorKind, Read, Write};
use std::net::TcpStream;

/// The most a head may take before we decide this is not an HTTP server talking.
pub const MAX_HEAD: usize = 64 * 1024;

/// What the head of a response says, as far as this client cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The first line, without its line ending: `HTTP/1.1 200 OK`.
    pub status_line: String,
    /// The status code from that line: `200`.
    pub status: u16,
    /// The value of the Content-Length header, when the response has one.
    pub content_length: Option<u64>,
}

/// The error for a response that is not HTTP.
pub fn malformed(what: impl Into<String>) -> io::Error {
    io::Error::new(ErrorKind::InvalidData, what.into())
}

/// Reads until the empty line that ends the head. Returns the head (with its final
/// `\r\n\r\n`) and the bytes that came after it in the same reads.
pub fn read_head(stream: &mut TcpStream) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut got = Vec::new();
    let mut buf = [0u8; 8 * 1024];
    loop {
        // Only the new bytes (and the 3 before them, in case the marker straddles two
        // reads) need searching.
        let from = got.len().saturating_sub(buf.len() + 3);
        if let Some(at) = find(&got[from..], b"\r\n\r\n") {
            let body_start = got.split_off(from + at + 4);
            return Ok((got, body_start));
        }
        if got.len() > MAX_HEAD {
            return Err(malformed(format!(
                "no end of the head in the first {MAX_HEAD} bytes"
            )));
        }
        let n = match stream.read(&mut buf) {
            Ok(n) => n,
            // A signal interrupted the call before any data came: try again.
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            // EOF before the empty line: whatever this is, it is not a whole response.
            return Err(malformed(if got.is_empty() {
                "the server closed the connection without answering".to_string()
            } else {
                format!(
                    "the server closed the connection in the middle of the head, after {:?}",
                    String::from_utf8_lossy(&got[..got.len().min(60)])
                )
            }));
        }
        got.extend_from_slice(&buf[..n]);
    }
}

/// Reads the status line and the Content-Length from a head.
pub fn parse_head(head: &[u8]) -> io::Result<Head> {
    // Header names and the status line are ASCII; a stray byte in a header value must not
    // make the whole response unreadable, so decode leniently.
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default().to_string();
    let status = parse_status_line(&status_line)?;

    let mut content_length = None;
    for line in lines.take_while(|line| !line.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(malformed(format!(
                "a header line without a colon: {line:?}"
            )));
        };
        let value = value.trim();
        // Header names are case-insensitive: Content-Length, content-length, CONTENT-LENGTH.
        if name.eq_ignore_ascii_case("content-length") {
            let n: u64 = value
                .parse()
                .map_err(|_| malformed(format!("Content-Length {value:?} is not a number")))?;
            if content_length.is_some_and(|m| m != n) {
                return Err(malformed("two different Content-Length headers"));
            }
            content_length = Some(n);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // Chunked bodies are framed differently (chapter 5); printing the chunk sizes as
            // if they were the body would be wrong, so say so instead.
            return Err(io::Error::new(
                ErrorKind::Unsupported,
                format!(
                    "the body is sent with Transfer-Encoding: {value}, which this client does not decode"
                ),
            ));
        }
    }
    Ok(Head {
        status_line,
        status,
        content_length,
    })
}

/// `HTTP/1.1 404 Not Found` → 404. The reason phrase may be empty or missing.
fn parse_status_line(line: &str) -> io::Result<u16> {
    let not_http = || malformed(format!("not an HTTP status line: {line:?}"));
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let code = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") || code.len() != 3 {
        return Err(not_http());
    }
    match code.parse::<u16>() {
        Ok(status) if (100..=999).contains(&status) => Ok(status),
        _ => Err(not_http()),
    }
}

/// Writes the body to `out`: first `start` (the bytes that came with the head), then the rest
/// from `stream`.
pub fn copy_body(
    stream: &mut TcpStream,
    start: &[u8],
    content_length: Option<u64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match content_length {
        // No length: the body is everything until the server closes. io::copy reads until
        // read returns 0 and writes every chunk with write_all.
        None => {
            out.write_all(start)?;
            io::copy(stream, out)?;
        }
        Some(length) => {
            // The bytes that came with the head may already hold the whole body, or more.
            let first = start
                .len()
                .min(usize::try_from(length).unwrap_or(usize::MAX));
            out.write_all(&start[..first])?;
            let left = length - first as u64;
            // take(left) stops reading after exactly `left` bytes. We must not wait for the
            // server to close: a server is free to keep the connection open, and anything it
            // sends after the body is not part of it.
            let copied = io::copy(&mut Read::by_ref(stream).take(left), out)?;
            if copied < left {
                return Err(malformed(format!(
                    "the server closed the connection after {} of the {length} body bytes",
                    first as u64 + copied
                )));
            }
        }
    }
    out.flush()
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_and_length() {
        let head =
            parse_head(b"HTTP/1.1 404 Not Found\r\ncontent-length: 12\r\nX: y\r\n\r\n").unwrap();
        assert_eq!(head.status_line, "HTTP/1.1 404 Not Found");
        assert_eq!(head.status, 404);
        assert_eq!(head.content_length, Some(12));
        let head = parse_head(b"HTTP/1.0 200\r\n\r\n").unwrap();
        assert_eq!((head.status, head.content_length), (200, None));
    }

    #[test]
    fn refuses_what_is_not_http() {
        for bad in [
            &b"SSH-2.0-OpenSSH_9.6\r\n\r\n"[..],
            b"HTTP/1.1 20 OK\r\n\r\n",
            b"HTTP/1.1 abc OK\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            assert!(parse_head(bad).is_err(), "{bad:?}");
        }
    }
}
