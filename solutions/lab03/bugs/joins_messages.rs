//! Classic bug: joins the messages into one datagram.
//!
//! Thinking of UDP as a stream, this sends everything at once, like writing to a TCP socket.
//! But one send_to is one datagram: the receiver gets `onetwothree` in one piece, and has
//! no way to tell where one message ended. Caught by `send_three_messages_in_order`.
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

    /// The mistake: one send_to for all the messages.
    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        check_sizes(to, messages)?;
        let bytes = socket.send_to(&messages.concat(), to)?;
        Ok(Sent {
            datagrams: messages.len(),
            bytes,
        })
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
