//! Classic bug: the head and the body in two writes, without TCP_NODELAY.
//!
//! Each response goes out as two write(2) calls, the head and then the body, and Nagle's
//! algorithm is left on. On a kept-alive connection the small body then waits until the
//! client acknowledges the head, and the client delays that ACK, hoping to send it with
//! data of its own: about 40 ms per response on Linux. Nothing is wrong on the wire, every
//! response is merely late. Caught by `small_responses_are_not_delayed`.
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
    use std::io::{self, BufWriter, Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::time::Instant;

    use lab_support::lab05::Config;

    use crate::closing::{self, log};
    use crate::keep_alive::keep_alive;
    use crate::reader::{HeadError, read_head};
    use crate::request::parse;
    use crate::response::{self, Body};
    use crate::route::respond;
    use crate::sending::Sender;

    /// Serves requests on `stream` until the connection should close.
    pub fn handle(mut stream: TcpStream, peer: SocketAddr, config: &Config) -> io::Result<()> {
        // The mistake, part one: no TCP_NODELAY, so Nagle's algorithm holds back a small write
        // while an earlier one is not acknowledged yet.
        let mut out = BufWriter::new(Sender::new(stream.try_clone()?));
        // Bytes read but not used yet: the start of the next (pipelined) request.
        let mut buf = Vec::new();
        loop {
            // `--timeout` bounds every wait for a head: the first one, and each one on a
            // kept-alive connection after a response. An idle connection holds a thread, so
            // an idle connection must end too.
            let deadline = Instant::now() + config.timeout;
            let head = read_head(&mut stream, &mut buf, deadline);
            // From here on a response is due, and it has `--timeout` to reach the client.
            out.get_mut().respond_within(config.timeout);
            let head = match head {
                Ok(Some(head)) => head,
                // The client closed between requests: the normal end of a connection.
                Ok(None) => return Ok(()),
                Err(HeadError::TooLarge) => return closing::refuse(&mut out, stream, peer, 431),
                Err(HeadError::TimedOut { partial: true }) => {
                    return closing::refuse(&mut out, stream, peer, 408);
                }
                // Idle past the deadline (before a first request, or between two): close
                // without a word, as nginx does.
                Err(HeadError::TimedOut { partial: false }) => return Ok(()),
                Err(HeadError::Truncated) => return Ok(()),
                Err(HeadError::Io(e)) => return Err(e),
            };
            let request = match parse(&head) {
                Ok(request) => request,
                // After a malformed head we cannot know where the next request would start.
                Err(status) => return closing::refuse(&mut out, stream, peer, status),
            };
            let keep_open = keep_alive(&request);
            let mut response = respond(&request, &config.root);
            if !keep_open {
                // RFC 9112 §9.6: a server that is going to close says so in its response.
                response = response.with_header("Connection", "close");
            }
            let (status, length) = (response.status, response.content_length);
            write_in_two(&mut out, response, request.method == "HEAD")?;
            // The target passed the parser: visible ASCII only, so it is safe to print.
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

    /// The mistake, part two: the head in one write, the body in another.
    fn write_in_two<W: Write>(
        out: &mut W,
        response: response::Response,
        head_only: bool,
    ) -> io::Result<()> {
        out.write_all(&response::head(&response))?;
        out.flush()?;
        if !head_only {
            match response.body {
                Body::Bytes(bytes) => out.write_all(&bytes)?,
                Body::File(file) => {
                    io::copy(&mut file.take(response.content_length), out)?;
                }
            }
        }
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
