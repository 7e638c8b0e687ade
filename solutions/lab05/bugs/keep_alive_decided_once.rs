//! Classic bug: decides once per connection whether to keep it open.
//!
//! The first request's headers decide for the whole connection; a later request that says
//! `Connection: close` is answered and the connection stays open, so a client that waits
//! for the end of the connection waits until the timeout. Caught by
//! `connection_close_closes`, which asks to close on a connection's second request.
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
    use std::time::Instant;

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
        let mut decided: Option<bool> = None;
        loop {
            let deadline = Instant::now() + config.timeout;
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
            // The mistake: the first request's answer is kept for every later one.
            let keep_open = *decided.get_or_insert_with(|| keep_alive(&request));
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
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
