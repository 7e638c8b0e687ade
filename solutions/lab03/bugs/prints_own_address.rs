//! Classic bug: prints its own address where the sender's belongs.
//!
//! Both addresses are at hand, and the socket's own (`local_addr`) is the one the program
//! printed a moment ago in `listening on`. But the line is about the datagram, and only
//! recv_from knows who sent it. Caught by `recv_prints_each_datagram`.
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
            let (n, _from) = socket.recv_from(&mut buf)?;
            // The mistake: the receiver's address instead of the sender's.
            print_datagram(socket.local_addr()?, &buf[..n])?;
            received += 1;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
