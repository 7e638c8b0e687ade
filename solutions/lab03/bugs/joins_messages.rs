//! Classic bug: joins the messages into one datagram.
//!
//! Thinking of UDP as a stream, this sends everything at once, like writing to a TCP socket.
//! But one send_to is one datagram: the receiver gets `onetwothree` in one piece, and has
//! no way to tell where one message ended. Caught by `send_three_messages_in_order`.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use lab03_solution::send::check_sizes;
use lab03_solution::{Parts, REFERENCE, Sent};

fn send_joined(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    check_sizes(messages)?;
    let all = messages.concat();
    let bytes = socket.send_to(&all, to)?;
    Ok(Sent {
        datagrams: messages.len(),
        bytes,
    })
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        send: send_joined,
        ..REFERENCE
    })
}
