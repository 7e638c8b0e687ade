//! Not a learner's bug but the grader's own test: a program that binds, announces its
//! address, takes every datagram and never answers or prints anything.
//!
//! UDP gives a check no EOF and no reset to notice: only the clock. `tests/proof.rs` shows
//! that each check waiting on this program fails by its own deadline, well within its time
//! limit, with a report of what was sent and that nothing came back.

use std::io;
use std::net::UdpSocket;

use lab03_solution::{Parts, REFERENCE};

fn swallow(socket: &UdpSocket, _count: Option<u64>, buffer_size: usize) -> io::Result<()> {
    let mut buf = vec![0u8; buffer_size];
    loop {
        socket.recv_from(&mut buf)?;
    }
}

fn swallow_echo(socket: &UdpSocket, buffer_size: usize) -> io::Result<()> {
    swallow(socket, None, buffer_size)
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        receive: swallow,
        echo: swallow_echo,
        ..REFERENCE
    })
}
