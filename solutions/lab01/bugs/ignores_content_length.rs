//! Classic bug: ignores Content-Length and reads until the server closes.
//!
//! Against a server that closes after the response, as `Connection: close` asks, it works.
//! A server may keep the connection open anyway, and then the client waits forever; bytes
//! after the body would be printed as if they were part of it. Caught by
//! `get_stops_at_content_length`.

use std::io::{self, Write};
use std::net::TcpStream;

use lab01_solution::{Parts, REFERENCE};

fn copy_until_close(
    stream: &mut TcpStream,
    start: &[u8],
    _content_length: Option<u64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(start)?;
    io::copy(stream, out)?;
    out.flush()
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        copy_body: copy_until_close,
        ..REFERENCE
    })
}
