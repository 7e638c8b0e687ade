//! Classic bug: takes one read() as the whole request.
//!
//! It works when the request arrives in one segment, which on loopback is almost always.
//! A request that arrives in pieces is parsed from its first piece (a 400), and two
//! pipelined requests are parsed as one. Caught by `serves_a_request_sent_in_pieces`.

use std::io::Read;
use std::net::TcpStream;
use std::time::Instant;

use lab05_solution::reader::HeadError;
use lab05_solution::{Parts, REFERENCE};

fn read_once(
    stream: &mut TcpStream,
    _buf: &mut Vec<u8>,
    deadline: Instant,
) -> Result<Option<Vec<u8>>, HeadError> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(HeadError::TimedOut { partial: false });
    }
    stream.set_read_timeout(Some(left)).map_err(HeadError::Io)?;
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk) {
        Ok(0) => Ok(None),
        Ok(n) => Ok(Some(chunk[..n].to_vec())),
        Err(_) => Err(HeadError::TimedOut { partial: false }),
    }
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        read_head: read_once,
        ..REFERENCE
    })
}
