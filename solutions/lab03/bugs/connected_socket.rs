//! Classic bug: connects the UDP socket, then fails when nothing listens.
//!
//! connect() on a UDP socket sends nothing; it only fixes the peer address, so that plain
//! send() works. But it also asks the kernel to report errors for that peer: when nothing
//! listens there, the first datagram is answered by an ICMP "port unreachable", and the
//! *next* send fails with ECONNREFUSED ("Connection refused"). A sender for a
//! connectionless protocol must not fail because nobody is listening. Caught by
//! `send_without_a_receiver_exits_0`.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use lab03_solution::send::check_sizes;
use lab03_solution::{Parts, REFERENCE, Sent};

fn send_connected(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    check_sizes(messages)?;
    socket.connect(to)?;
    let mut sent = Sent {
        datagrams: 0,
        bytes: 0,
    };
    for message in messages {
        sent.bytes += socket.send(message)?;
        sent.datagrams += 1;
    }
    Ok(sent)
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        send: send_connected,
        ..REFERENCE
    })
}
