//! Classic bug: takes one read() as the whole request.
//!
//! It works when the request arrives in one segment, which on loopback is almost always.
//! A request that arrives in pieces is parsed from its first piece (a 400), and two
//! pipelined requests are parsed as one. Caught by `serves_a_request_sent_in_pieces`.
//!
//! This program is the reference solution with its `reader` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod reader {
    use std::io::Read;
    use std::net::TcpStream;
    use std::time::Instant;

    pub use lab05_solution::reader::{HeadError, MAX_HEAD};

    /// The mistake: whatever one read returns is the head.
    pub fn read_head(
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
}

fn main() -> std::process::ExitCode {
    app::main()
}
