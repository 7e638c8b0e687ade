//! Copying the body, as bytes, to where it goes.
//!
//! The body is bytes (an image, a zip file) and is copied as bytes: it is never turned into a
//! `String`, which would fail or, with `from_utf8_lossy`, quietly change it. Where it ends
//! is what the head said:
//!
//! - a length: exactly that many bytes, and then we stop reading, even though the server may
//!   keep the connection open; a connection that ends sooner is an incomplete response
//!   (RFC 9112 §8), an error;
//! - no length: everything until the server closes. A connection that fails (a reset) is an
//!   error, not the end of the body.

use std::io::{self, Read, Write};

use crate::head::malformed;

/// Writes the body to `out`: first `start` (the bytes that came with the head), then the rest
/// from `stream`.
pub fn copy_body(
    stream: &mut impl Read,
    start: &[u8],
    content_length: Option<u64>,
    out: &mut impl Write,
) -> io::Result<()> {
    match content_length {
        // No length: the body is everything until the server closes. io::copy reads until
        // read returns 0, writes every chunk with write_all, and passes a read error on.
        None => {
            out.write_all(start)?;
            io::copy(stream, out)?;
        }
        Some(length) => {
            // The bytes that came with the head may already hold the whole body, or more:
            // what is past the length is not part of it.
            let first = start
                .len()
                .min(usize::try_from(length).unwrap_or(usize::MAX));
            out.write_all(&start[..first])?;
            let left = length - first as u64;
            // take(left) stops reading after exactly `left` bytes, so we never wait for a
            // close the server does not owe us.
            let copied = io::copy(&mut stream.take(left), out)?;
            if copied < left {
                out.flush()?;
                return Err(malformed(format!(
                    "the server closed the connection after {} of the {length} body bytes",
                    first as u64 + copied
                )));
            }
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_the_length() {
        let mut out = Vec::new();
        copy_body(&mut &b"lo, world"[..], b"hel", Some(5), &mut out).unwrap();
        assert_eq!(out, b"hello");
        let mut out = Vec::new();
        copy_body(&mut &b"never read"[..], b"", Some(0), &mut out).unwrap();
        assert_eq!(out, b"");
        let mut out = Vec::new();
        copy_body(&mut &b"ignored"[..], b"abcdef", Some(2), &mut out).unwrap();
        assert_eq!(out, b"ab");
    }

    #[test]
    fn a_short_body_is_an_error() {
        let mut out = Vec::new();
        assert!(copy_body(&mut &b"lo"[..], b"hel", Some(10), &mut out).is_err());
    }

    #[test]
    fn without_a_length_reads_to_the_end() {
        let mut out = Vec::new();
        copy_body(&mut &b"lo, world"[..], b"hel", None, &mut out).unwrap();
        assert_eq!(out, b"hello, world");
    }
}
