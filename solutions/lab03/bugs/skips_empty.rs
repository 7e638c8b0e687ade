//! Classic bug: skips empty messages.
//!
//! "Nothing to send" looks like nothing to do, but an empty datagram is a datagram: the
//! receiver's recv_from returns 0 bytes and the sender's address, and a protocol can use it
//! (as a ping, say). Caught by `send_empty_message_as_empty_datagram`.
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

    /// The mistake: the filter that leaves the empty messages out.
    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        check_sizes(to, messages)?;
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
}

fn main() -> std::process::ExitCode {
    app::main()
}
