//! Classic bug: treats the data as UTF-8 text lines.
//!
//! `BufRead::lines` waits for a newline, drops the line ending it found (and a `\r` before
//! it), and fails on bytes that are not UTF-8. An echo server must not care what the bytes
//! mean. Caught by `echoes_binary_exactly`.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};

use lab02_solution::{Parts, REFERENCE};

fn echo_lines(stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    let mut writer = stream.try_clone()?;
    for line in BufReader::new(stream).lines() {
        writeln!(writer, "{}", line?)?;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        handle: echo_lines,
        ..REFERENCE
    })
}
