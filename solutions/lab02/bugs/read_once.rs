//! Classic bug: reads once and closes.
//!
//! One read, one write, done: it works for a client that sends one short line, and loses
//! everything a client sends after its first segment. Caught by
//! `echoes_many_writes_on_one_connection`.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use lab02_solution::{Parts, REFERENCE};

fn echo_once(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    let mut buf = [0u8; 1024];
    let n = stream.read(&mut buf)?;
    stream.write_all(&buf[..n])
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        handle: echo_once,
        ..REFERENCE
    })
}
