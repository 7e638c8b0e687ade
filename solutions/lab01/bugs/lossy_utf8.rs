//! Classic bug: prints the body as text, with `String::from_utf8_lossy`.
//!
//! It reads the whole body correctly, then turns it into a `String` to print it: every byte
//! sequence that is not valid UTF-8 (in an image, in any binary file) becomes U+FFFD, and the
//! file is silently damaged. Caught by `get_prints_the_body_byte_for_byte`.

use std::io::{self, Read, Write};
use std::net::TcpStream;

use lab01_solution::{Parts, REFERENCE};

fn copy_as_text(
    stream: &mut TcpStream,
    start: &[u8],
    content_length: Option<u64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut body = start.to_vec();
    match content_length {
        Some(length) => {
            let left = length.saturating_sub(body.len() as u64);
            Read::by_ref(stream).take(left).read_to_end(&mut body)?;
            body.truncate(length as usize);
        }
        None => {
            stream.read_to_end(&mut body)?;
        }
    }
    write!(out, "{}", String::from_utf8_lossy(&body))?;
    out.flush()
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        copy_body: copy_as_text,
        ..REFERENCE
    })
}
