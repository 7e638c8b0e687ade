//! Classic bug: uses IPv4's limit (65,507 bytes) for every destination.
//!
//! Over IPv6 one datagram carries up to 65,527 bytes, because IPv6's payload length does
//! not count the IPv6 header. This program refuses a 65,527-byte message to `[::1]` that the
//! kernel would have sent whole. Caught by `send_over_ipv6`.
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

    use lab03_solution::send::MAX_PAYLOAD_V4;
    pub use lab03_solution::send::Sent;

    /// The mistake: one limit, IPv4's, whatever the address family of `to`.
    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        for (i, message) in messages.iter().enumerate() {
            if message.len() > MAX_PAYLOAD_V4 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "message {} is {} bytes, but one UDP datagram carries at most {MAX_PAYLOAD_V4} bytes; nothing was sent",
                        i + 1,
                        message.len()
                    ),
                ));
            }
        }
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
