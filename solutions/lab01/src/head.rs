//! The response's head: reading it off the socket, and what it says.
//!
//! TCP delivers a byte stream, not messages. One `read` returns whatever has arrived so far:
//! half a header line, or the head and the first kilobytes of the body together. So the head
//! is read in a loop until its empty line (`\r\n\r\n`) has arrived, and whatever came after
//! it is kept: it is the start of the body.
//!
//! What this client needs from the head is the status line, its code, and how the body is
//! framed (RFC 9112 §6.3): a Content-Length, or nothing (the body ends when the server
//! closes). Header names are case-insensitive (RFC 9110 §5.1) and a value may have spaces or
//! tabs around it (RFC 9110 §5.5), so `content-length:7` is as good as `Content-Length: 7`.

use std::io::{self, ErrorKind, Read};

/// The most a head may take: heads up to 64 KiB are read; beyond that this is not an HTTP
/// server talking, or not one this client wants to hear.
pub const MAX_HEAD: usize = 64 * 1024;

/// What the head of a response says, as far as this client cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The first line, without its line ending: `HTTP/1.1 200 OK`.
    pub status_line: String,
    /// The status code from that line: `200`.
    pub status: u16,
    /// How many bytes the body has, when the head says (a Content-Length, or a status that
    /// never has a body); `None` when the body ends where the connection does.
    pub content_length: Option<u64>,
}

/// The error for a response that is not HTTP, or not a whole one.
pub fn malformed(what: impl Into<String>) -> io::Error {
    io::Error::new(ErrorKind::InvalidData, what.into())
}

/// Whether a status means success: the whole 2xx class (RFC 9110 §15: a client that does not
/// know a code treats it as the x00 of its class, so 299 is a success too).
pub fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Reads until the empty line that ends the head. Returns the head (with its final
/// `\r\n\r\n`) and the bytes that came after it in the same reads.
pub fn read_head(stream: &mut impl Read) -> io::Result<(Vec<u8>, Vec<u8>)> {
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
        if got.len() >= MAX_HEAD {
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

/// Reads the status line and the body's framing from a head.
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
        // The value without the spaces and tabs around it (RFC 9110 §5.5).
        let value = value.trim_matches([' ', '\t']);
        // Header names are case-insensitive: Content-Length, content-length, CONTENT-LENGTH.
        if name.eq_ignore_ascii_case("content-length") {
            let n = parse_length(value)?;
            // Two different lengths: which one frames the body? Guessing is how responses
            // get split in two, so it is an error (RFC 9112 §6.3).
            if content_length.is_some_and(|m| m != n) {
                return Err(malformed(format!(
                    "two different Content-Length headers ({} and {n})",
                    content_length.unwrap_or_default()
                )));
            }
            content_length = Some(n);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // Chunked bodies are framed differently (chapter 5), and Transfer-Encoding wins
            // over any Content-Length (RFC 9112 §6.3). Printing the chunk sizes as if they
            // were the body would be wrong, so say so instead.
            return Err(io::Error::new(
                ErrorKind::Unsupported,
                format!(
                    "the body is sent with Transfer-Encoding: {value}, which this client does not decode"
                ),
            ));
        }
    }
    // 1xx, 204 and 304 responses never have a body, whatever their headers say
    // (RFC 9112 §6.3).
    if status < 200 || status == 204 || status == 304 {
        content_length = Some(0);
    }
    Ok(Head {
        status_line,
        status,
        content_length,
    })
}

/// A Content-Length value: one or more digits, nothing else (RFC 9110 §8.6). Rust's own
/// `u64::from_str` would also take `+5`.
fn parse_length(value: &str) -> io::Result<u64> {
    let not_a_length = || malformed(format!("Content-Length {value:?} is not a number"));
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_length());
    }
    value.parse().map_err(|_| not_a_length())
}

/// `HTTP/1.1 404 Not Found` → 404. The reason phrase may be empty (`HTTP/1.1 200 `), have
/// spaces of its own, or be missing with its space; a client ignores it (RFC 9112 §4).
fn parse_status_line(line: &str) -> io::Result<u16> {
    let not_http = || malformed(format!("not an HTTP status line: {line:?}"));
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let code = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") || code.len() != 3 {
        return Err(not_http());
    }
    match code.parse::<u16>() {
        Ok(status) if (100..=599).contains(&status) => Ok(status),
        _ => Err(not_http()),
    }
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
        let head = parse_head(b"HTTP/1.1 200 \r\nCONTENT-LENGTH:\t 0 \t\r\n\r\n").unwrap();
        assert_eq!((head.status, head.content_length), (200, Some(0)));
        let head = parse_head(b"HTTP/1.1 200 OK Fine\r\nContent-Length: 3\r\n\r\n").unwrap();
        assert_eq!(head.content_length, Some(3));
        let head = parse_head(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap();
        assert_eq!(head.content_length, Some(0));
    }

    #[test]
    fn refuses_what_is_not_http() {
        for bad in [
            &b"SSH-2.0-OpenSSH_9.6\r\n\r\n"[..],
            b"HTTP/1.1 20 OK\r\n\r\n",
            b"HTTP/1.1 abc OK\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            assert!(parse_head(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_head_of_exactly_the_limit_is_read() {
        let mut head = b"HTTP/1.1 200 OK\r\nX: ".to_vec();
        head.resize(MAX_HEAD - 4, b'a');
        head.extend_from_slice(b"\r\n\r\n");
        let mut input = head.clone();
        input.extend_from_slice(b"body");
        let (got, rest) = read_head(&mut &input[..]).unwrap();
        // What came after the head in the same reads (here: none of it) is kept.
        assert!(got == head && b"body".starts_with(&rest));
        let mut longer = vec![b'a'; MAX_HEAD + 1];
        longer.extend_from_slice(b"\r\n\r\n");
        assert!(read_head(&mut &longer[..]).is_err());
    }
}
