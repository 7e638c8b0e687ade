//! Classic bug: finds out that a message is too long only when it gets to it.
//!
//! It leaves the size check to the kernel, which refuses the long datagram with EMSGSIZE
//! ("Message too long"). The program does exit 1 with a message, but the messages before
//! the long one are already sent: the receiver gets half of what was meant. Caught by
//! `send_refuses_70000_bytes_and_sends_nothing`.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use lab03_solution::{Parts, REFERENCE, Sent};

fn send_until_it_fails(
    socket: &UdpSocket,
    to: SocketAddr,
    messages: &[Vec<u8>],
) -> io::Result<Sent> {
    let mut sent = Sent {
        datagrams: 0,
        bytes: 0,
    };
    for message in messages {
        sent.bytes += socket.send_to(message, to)?;
        sent.datagrams += 1;
    }
    Ok(sent)
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        send: send_until_it_fails,
        ..REFERENCE
    })
}
