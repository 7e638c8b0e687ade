//! Classic bug: treats an empty datagram as the end, the way TCP's read returns 0 at EOF.
//!
//! With TCP, `read` returning 0 means the peer is done sending. With UDP, recv_from
//! returning 0 means an empty datagram arrived; there is no connection that could end. This
//! echo stops serving at the first empty datagram. Caught by
//! `echo_returns_empty_and_binary_datagrams`.

use std::io;
use std::net::UdpSocket;

use lab03_solution::{Parts, REFERENCE};

fn echo_until_empty(socket: &UdpSocket, buffer_size: usize) -> io::Result<()> {
    let mut buf = vec![0u8; buffer_size];
    loop {
        let (n, from) = socket.recv_from(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        socket.send_to(&buf[..n], from)?;
    }
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        echo: echo_until_empty,
        ..REFERENCE
    })
}
