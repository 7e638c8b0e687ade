//! Classic bug: echo replies to the first client's address, for everyone.
//!
//! Thinking in connections, it remembers "the client" from the first datagram, as if
//! recv_from were accept. But a UDP socket has no client: every datagram carries its own
//! sender, and the next one may come from someone else. Here the second client's data goes
//! to the first client, and the second client waits in vain. Caught by
//! `echo_answers_each_client`.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use lab03_solution::{Parts, REFERENCE};

fn echo_to_first(socket: &UdpSocket, buffer_size: usize) -> io::Result<()> {
    let mut buf = vec![0u8; buffer_size];
    let mut client: Option<SocketAddr> = None;
    loop {
        let (n, from) = socket.recv_from(&mut buf)?;
        let to = *client.get_or_insert(from);
        socket.send_to(&buf[..n], to)?;
    }
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        echo: echo_to_first,
        ..REFERENCE
    })
}
