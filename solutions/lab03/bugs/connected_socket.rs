//! Classic bug: connects the UDP socket, then fails when nothing listens.
//!
//! connect() on a UDP socket sends nothing; it only fixes the peer address, so that plain
//! send() works. But it also asks the kernel to report errors for that peer: when nothing
//! listens there, the first datagram is answered by an ICMP "port unreachable", and the
//! *next* send fails with ECONNREFUSED ("Connection refused"). A sender for a
//! connectionless protocol must not fail because nobody is listening. Caught by
//! `send_without_a_receiver_exits_0`.
//!
//! This program is the reference solution with its `send` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/recv.rs"]
mod recv;
#[path = "../src/socket.rs"]
mod socket;

mod send {
    use std::io;
    use std::net::{SocketAddr, UdpSocket};

    pub use lab03_solution::send::{Sent, check_sizes};

    /// The mistake: connect, then send.
    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        check_sizes(to, messages)?;
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
}

fn main() -> std::process::ExitCode {
    app::main()
}
