//! Classic bug: `recv` treats an empty datagram as the end, the way TCP's read returns 0 at
//! EOF.
//!
//! It prints the empty datagram's line, then stops: with UDP, recv_from returning 0 means an
//! empty datagram arrived, and there is no connection that could end. Caught by
//! `recv_prints_each_datagram`, which sends another datagram after the empty one.
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
            let (n, from) = socket.recv_from(&mut buf)?;
            print_datagram(from, &buf[..n])?;
            // The mistake: 0 bytes read as "the sender is done".
            if n == 0 {
                return Ok(());
            }
            received += 1;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
