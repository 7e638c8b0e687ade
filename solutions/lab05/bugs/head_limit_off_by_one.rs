//! Classic bug: the head size limit is off by one.
//!
//! The limit is "at most 8,192 bytes", and the check says `>=` where it means `>`: a head
//! of exactly 8,192 bytes, which the contract says is served, is refused with 431. Caught
//! by `head_limit_is_exact`, which sends a head of exactly the limit and one a byte over.
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
    use std::io::{ErrorKind, Read};
    use std::net::TcpStream;
    use std::time::Instant;

    pub use lab05_solution::reader::{HeadError, MAX_HEAD, head_end};

    pub fn read_head(
        stream: &mut TcpStream,
        buf: &mut Vec<u8>,
        deadline: Instant,
    ) -> Result<Option<Vec<u8>>, HeadError> {
        let mut chunk = [0u8; 4096];
        loop {
            if let Some(end) = head_end(buf) {
                // The mistake: `>=` refuses a head of exactly MAX_HEAD bytes.
                if end >= MAX_HEAD {
                    return Err(HeadError::TooLarge);
                }
                return Ok(Some(buf.drain(..end).collect()));
            }
            if buf.len() >= MAX_HEAD {
                return Err(HeadError::TooLarge);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(HeadError::TimedOut {
                    partial: !buf.is_empty(),
                });
            }
            stream.set_read_timeout(Some(left)).map_err(HeadError::Io)?;
            match stream.read(&mut chunk) {
                Ok(0) if buf.is_empty() => return Ok(None),
                Ok(0) => return Err(HeadError::Truncated),
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => return Err(HeadError::Io(e)),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
