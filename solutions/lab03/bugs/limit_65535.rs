//! Classic bug: checks the size against 65,535, the largest IP packet, instead of the
//! largest UDP payload.
//!
//! 65,535 is the first number one meets (an IP packet's 16-bit length), but the IPv4 and
//! UDP headers take 28 of those bytes. A message of 65,508 to 65,535 bytes passes this
//! check, and the kernel refuses it with EMSGSIZE only when the program gets to it: the
//! messages before it are already sent. Caught by `send_refuses_65508_bytes_and_sends_nothing`
//! and `send_over_ipv6_refuses_65528_bytes`, which put a valid message first and a message one
//! byte over the real limit second.
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

    /// The mistake: the IP packet's limit taken for the datagram's payload.
    const MAX_PAYLOAD: usize = 65_535;

    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        if let Some(m) = messages.iter().find(|m| m.len() > MAX_PAYLOAD) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "a message of {} bytes does not fit in one datagram",
                    m.len()
                ),
            ));
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
