//! Classic bug: skips empty messages.
//!
//! "Nothing to send" looks like nothing to do, but an empty datagram is a datagram: the
//! receiver's recv_from returns 0 bytes and the sender's address, and a protocol can use it
//! (as a ping, say). Caught by `send_empty_message_as_empty_datagram`.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use lab03_solution::send::check_sizes;
use lab03_solution::{Parts, REFERENCE, Sent};

fn send_non_empty(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    check_sizes(messages)?;
    let mut sent = Sent {
        datagrams: 0,
        bytes: 0,
    };
    for message in messages.iter().filter(|m| !m.is_empty()) {
        sent.bytes += socket.send_to(message, to)?;
        sent.datagrams += 1;
    }
    Ok(sent)
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        send: send_non_empty,
        ..REFERENCE
    })
}
