//! Classic bug: takes one read as the whole response.
//!
//! The bytes that arrived with the head are printed as the body, and nothing more is read.
//! On loopback a small response often arrives in one piece, so it seems to work; a body that
//! comes in pieces is cut short. Caught by `get_prints_the_body_byte_for_byte`.

use std::io::{self, Write};
use std::net::TcpStream;

use lab01_solution::{Parts, REFERENCE};

fn copy_what_came_with_the_head(
    _stream: &mut TcpStream,
    start: &[u8],
    _content_length: Option<u64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(start)?;
    out.flush()
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        copy_body: copy_what_came_with_the_head,
        ..REFERENCE
    })
}
