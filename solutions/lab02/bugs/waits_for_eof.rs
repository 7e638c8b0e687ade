//! Classic bug: waits for EOF before echoing anything.
//!
//! `read_to_end` collects the whole conversation and only then writes it back. The bytes are
//! right, but an interactive client waits forever for its first answer. Caught by
//! `echoes_interactively`.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use lab02_solution::{Parts, REFERENCE};

fn echo_at_the_end(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    let mut all = Vec::new();
    stream.read_to_end(&mut all)?;
    stream.write_all(&all)
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        handle: echo_at_the_end,
        ..REFERENCE
    })
}
