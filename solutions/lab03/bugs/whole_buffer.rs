//! Classic bug: prints the whole receive buffer instead of the bytes received.
//!
//! recv_from says how many bytes this datagram brought, `n`; the rest of the buffer is
//! zeros (or what a longer, earlier datagram left there). Printing `&buf` instead of
//! `&buf[..n]` prints all of it. Caught by `recv_prints_each_datagram`.

use std::io;
use std::net::UdpSocket;

use lab03_solution::recv::print_datagram;
use lab03_solution::{Parts, REFERENCE};

fn receive_whole_buffer(
    socket: &UdpSocket,
    count: Option<u64>,
    buffer_size: usize,
) -> io::Result<()> {
    let mut buf = vec![0u8; buffer_size];
    let mut received = 0;
    while count.is_none_or(|count| received < count) {
        let (_n, from) = socket.recv_from(&mut buf)?;
        print_datagram(from, &buf)?;
        received += 1;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        receive: receive_whole_buffer,
        ..REFERENCE
    })
}
