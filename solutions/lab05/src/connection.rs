//! One connection: requests in, responses out, in order, until one side is done.
//!
//! HTTP/1.1 keeps a connection open after a response (a *persistent* connection), so a
//! browser fetches a page and its images without a new TCP handshake each time. A client
//! may even send its next requests before the first answer arrives (*pipelining*); they
//! wait in our buffer and are answered in the order they came. [`crate::keep_alive`]
//! decides when the connection closes instead; a head we cannot read or parse closes it
//! too, since we no longer know where the next request would start.

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

/// Serves requests on `stream` until the connection should close.
pub fn handle(mut stream: TcpStream, peer: SocketAddr, config: &Config) -> io::Result<()> {
    // A response goes out as soon as it is written, not when the kernel has gathered a
    // full segment: with Nagle's algorithm on, the last small piece of a response would wait
    // for the ACK of the one before, and the client delays that ACK (up to 40 ms on Linux).
    // Small responses are written in one piece anyway (see `response`); this covers the
    // large ones, which go out as a head and then many pieces of file.
    stream.set_nodelay(true)?;
    // Every response must be taken by the client within `--timeout` (see `sending`), so a
    // client that stops reading, or reads a little now and then, gives its thread back.
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
        response::write(&mut out, response, request.method == "HEAD")?;
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
