//! Classic bug: prints the whole receive buffer instead of the bytes received.
//!
//! recv_from says how many bytes this datagram brought, `n`; the rest of the buffer is
//! zeros (or what a longer, earlier datagram left there). Printing `&buf` instead of
//! `&buf[..n]` prints all of it. Caught by `recv_prints_each_datagram`.
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
    use std::io;
    use std::net::UdpSocket;

    use crate::socket::BUFFER_SIZE;
    use lab03_solution::recv::print_datagram;

    pub fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        let mut received = 0;
        while count.is_none_or(|count| received < count) {
            let (_n, from) = socket.recv_from(&mut buf)?;
            // The mistake: `&buf` where `&buf[..n]` was meant.
            print_datagram(from, &buf)?;
            received += 1;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
