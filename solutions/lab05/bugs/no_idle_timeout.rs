//! Classic bug: the `--timeout` covers the first request only.
//!
//! The deadline is set once, for the first request head. After a response, the connection
//! waits for the next request with no deadline at all, so a client that sends one request
//! and then goes quiet holds its connection (and its thread) forever. With a thread per
//! connection, a few thousand such clients are a denial of service. Caught by
//! `idle_and_trickling_clients_are_closed`, which also goes quiet after a response.
//!
//! This program is the reference solution with its `connection` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/reader.rs"]
mod reader;
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

mod connection {
    use std::io::{self, BufWriter};
    use std::net::{SocketAddr, TcpStream};
    use std::time::{Duration, Instant};

    use lab_support::lab05::Config;

    use crate::closing::{self, log};
    use crate::keep_alive::keep_alive;
    use crate::reader::{HeadError, read_head};
    use crate::request::parse;
    use crate::response;
    use crate::route::respond;
    use crate::sending::Sender;

    pub fn handle(mut stream: TcpStream, peer: SocketAddr, config: &Config) -> io::Result<()> {
        stream.set_nodelay(true)?;
        let mut out = BufWriter::new(Sender::new(stream.try_clone()?));
        let mut buf = Vec::new();
        // The mistake: one deadline for the first request; after that, "no limit" (a year).
        let mut deadline = Instant::now() + config.timeout;
        loop {
            let head = read_head(&mut stream, &mut buf, deadline);
            out.get_mut().respond_within(config.timeout);
            let head = match head {
                Ok(Some(head)) => head,
                Ok(None) => return Ok(()),
                Err(HeadError::TooLarge) => return closing::refuse(&mut out, stream, peer, 431),
                Err(HeadError::TimedOut { partial: true }) => {
                    return closing::refuse(&mut out, stream, peer, 408);
                }
                Err(HeadError::TimedOut { partial: false }) => return Ok(()),
                Err(HeadError::Truncated) => return Ok(()),
                Err(HeadError::Io(e)) => return Err(e),
            };
            let request = match parse(&head) {
                Ok(request) => request,
                Err(status) => return closing::refuse(&mut out, stream, peer, status),
            };
            let keep_open = keep_alive(&request);
            let mut response = respond(&request, &config.root);
            if !keep_open {
                response = response.with_header("Connection", "close");
            }
            let (status, length) = (response.status, response.content_length);
            response::write(&mut out, response, request.method == "HEAD")?;
            log(format!(
                "{peer} \"{} {} {}\" {status} {length}",
                request.method,
                request.target,
                request.version.as_str()
            ));
            if !keep_open {
                return closing::close(stream);
            }
            deadline = Instant::now() + Duration::from_secs(365 * 24 * 3600);
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
