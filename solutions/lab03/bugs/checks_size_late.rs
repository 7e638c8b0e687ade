//! Classic bug: finds out that a message is too long only when it gets to it.
//!
//! It leaves the size check to the kernel, which refuses the long datagram with EMSGSIZE
//! ("Message too long"). The program does exit 1 with a message, but the messages before
//! the long one are already sent: the receiver gets half of what was meant. Caught by
//! `send_refuses_65508_bytes_and_sends_nothing` and `send_over_ipv6_refuses_65528_bytes`.
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

    pub use lab03_solution::send::Sent;

    /// The mistake: no check before the first send_to.
    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
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
}

fn main() -> std::process::ExitCode {
    app::main()
}
