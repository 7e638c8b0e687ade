//! Classic bug: trims the messages before sending them.
//!
//! Trimming input is a reflex from reading lines typed by a person, but a MESSAGE is bytes
//! to send, and the spaces, tabs and line breaks at its ends are part of it. Caught by
//! `send_keeps_every_byte`.
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

    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        check_sizes(to, messages)?;
        let mut sent = Sent {
            datagrams: 0,
            bytes: 0,
        };
        for message in messages {
            // The mistake: the whitespace at both ends is dropped.
            sent.bytes += socket.send_to(message.trim_ascii(), to)?;
            sent.datagrams += 1;
        }
        Ok(sent)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
