//! Classic bug: echoes the whole buffer instead of the bytes read.
//!
//! `write_all(&buf)` sends all 1,024 bytes of the buffer, whatever `read` returned: the
//! client gets its bytes followed by zeros (or by leftovers of an earlier read). Caught by
//! `echoes_one_line`.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use lab02_solution::{Parts, REFERENCE};

fn echo_whole_buffer(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    let mut buf = [0u8; 1024];
    while stream.read(&mut buf)? > 0 {
        stream.write_all(&buf)?;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        handle: echo_whole_buffer,
        ..REFERENCE
    })
}
