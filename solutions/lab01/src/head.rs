//! The response's head: reading it off the socket, and what it says.
//!
//! TCP delivers a byte stream, not messages. One `read` returns whatever has arrived so far:
//! half a header line, or the head and the first kilobytes of the body together. So the head
//! is read in a loop until its empty line (`\r\n\r\n`) has arrived, and whatever came after
//! it is kept: it is the start of the body.
//!
//! What this client needs from the head is the status line, its code, and what says where
//! the body ends: the status, a Content-Length, a Transfer-Encoding. [`body_length`] applies
//! the rules of RFC 9112 §6.3 to them. Header names are case-insensitive (RFC 9110 §5.1) and
//! a value may have spaces or tabs around it (RFC 9110 §5.5), so `content-length:7` is as
//! good as `Content-Length: 7`.

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
    /// The value of the Content-Length header, when the head has one.
    pub content_length: Option<u64>,
    /// The value of the Transfer-Encoding header, when the head has one: `chunked`.
    pub transfer_encoding: Option<String>,
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

/// Whether a status is interim (1xx): a response that is not the answer yet, with the final
/// response to follow on the same connection (RFC 9110 §15.2).
pub fn is_interim(status: u16) -> bool {
    (100..200).contains(&status)
}

/// Reads until the empty line that ends the head. `got` holds bytes already read from the
/// stream and not used yet (what followed an interim response's head), or nothing. Returns
/// the head (with its final `\r\n\r\n`) and the bytes that came after it in the same reads.
pub fn read_head(stream: &mut impl Read, mut got: Vec<u8>) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut buf = [0u8; 8 * 1024];
    // Where the search for the marker starts: the bytes before it have been searched.
    let mut from = 0;
    loop {
        if let Some(at) = find(&got[from..], b"\r\n\r\n") {
            let body_start = got.split_off(from + at + 4);
            return Ok((got, body_start));
        }
        // Next time only the new bytes (and the 3 before them, in case the marker straddles
        // two reads) need searching.
        from = got.len().saturating_sub(3);
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
    let mut transfer_encoding = None;
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
            transfer_encoding = Some(value.to_string());
        }
    }
    Ok(Head {
        status_line,
        status,
        content_length,
        transfer_encoding,
    })
}

/// Where the body of a response ends, by the rules of RFC 9112 §6.3, in their order:
/// `Some(n)` after `n` bytes (`Some(0)`: there is no body), `None` when the server closes.
pub fn body_length(head: &Head) -> io::Result<Option<u64>> {
    // 1. A 1xx, 204 or 304 response has no body, whatever its headers say: a 304 may carry
    //    the Content-Length or the Transfer-Encoding that a 200 would have had. (So has the
    //    response to a HEAD request, a method this client never sends.)
    if is_interim(head.status) || head.status == 204 || head.status == 304 {
        return Ok(Some(0));
    }
    // 2. Transfer-Encoding wins over any Content-Length. A chunked body is framed by chunk
    //    sizes (chapter 5), which this client does not decode: printing them as if they were
    //    the body would be wrong, so say so instead, before printing anything.
    if let Some(coding) = &head.transfer_encoding {
        return Err(io::Error::new(
            ErrorKind::Unsupported,
            format!(
                "the body is sent with Transfer-Encoding: {coding}, which this client does not decode"
            ),
        ));
    }
    // 3. Then a Content-Length gives the length; without one, the body ends at the close.
    Ok(head.content_length)
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
    }

    #[test]
    fn finds_where_the_body_ends() {
        let length = |head: &[u8]| body_length(&parse_head(head).unwrap());
        assert_eq!(
            length(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n").unwrap(),
            Some(3)
        );
        assert_eq!(length(b"HTTP/1.1 200 OK\r\n\r\n").unwrap(), None);
        // No body, whatever the headers say.
        for head in [
            &b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"[..],
            b"HTTP/1.1 204 No Content\r\n\r\n",
            b"HTTP/1.1 304 Not Modified\r\nContent-Length: 12\r\n\r\n",
            b"HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            assert_eq!(length(head).unwrap(), Some(0), "{head:?}");
        }
        // Transfer-Encoding wins over Content-Length, and this client does not decode it.
        assert!(
            length(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                .is_err()
        );
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
        let (got, rest) = read_head(&mut &input[..], Vec::new()).unwrap();
        // What came after the head in the same reads (here: none of it) is kept.
        assert!(got == head && b"body".starts_with(&rest));
        let mut longer = vec![b'a'; MAX_HEAD + 1];
        longer.extend_from_slice(b"\r\n\r\n");
        assert!(read_head(&mut &longer[..], Vec::new()).is_err());
    }

    #[test]
    fn a_head_already_read_is_not_read_again() {
        // An interim head and the final one came in one read: the second is found in the
        // bytes already read, and the stream is not touched.
        let (head, rest) = read_head(
            &mut &b"never read"[..],
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec(),
        )
        .unwrap();
        assert_eq!(head, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
        assert_eq!(rest, b"ok");
        // Half of it came: the rest is read from the stream.
        let (head, rest) =
            read_head(&mut &b"\n\r\nbody"[..], b"HTTP/1.1 200 OK\r".to_vec()).unwrap();
        assert_eq!(head, b"HTTP/1.1 200 OK\r\n\r\n");
        assert_eq!(rest, b"body");
    }
}
