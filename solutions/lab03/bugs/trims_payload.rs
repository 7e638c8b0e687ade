//! Classic bug: trims the payload before printing it.
//!
//! `.trim()` is a reflex when printing text, but the payload is what the sender sent, and
//! its spaces, tabs and line breaks at either end are part of it (a datagram from
//! `nc -u` ends in `\n`). The line still shows the right length, so the two disagree.
//! Caught by `recv_prints_the_payload_exactly`.
//!
//! This program is the reference solution with its `recv` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/send.rs"]
mod send;
#[path = "../src/socket.rs"]
mod socket;

mod recv {
    use std::io::{self, Write};
    use std::net::{SocketAddr, UdpSocket};

    use crate::socket::BUFFER_SIZE;

    pub fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        let mut received = 0;
        while count.is_none_or(|count| received < count) {
            let (n, from) = socket.recv_from(&mut buf)?;
            print_datagram(from, &buf[..n])?;
            received += 1;
        }
        Ok(())
    }

    fn print_datagram(from: SocketAddr, data: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        // The mistake: `.trim()`.
        let text = String::from_utf8_lossy(data);
        writeln!(out, "{from} {} {}", data.len(), text.trim())?;
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
