//! One connection: requests in, responses out, in order, until one side is done.
//!
//! HTTP/1.1 keeps a connection open after a response (a *persistent* connection), so a
//! browser fetches a page and its images without a new TCP handshake each time. A client
//! may even send its next requests before the first answer arrives (*pipelining*); they
//! wait in our buffer and are answered in the order they came. The connection closes when
//! the client asks (`Connection: close`), when it speaks HTTP/1.0, after a request we could
//! not frame (a malformed head, or a body we do not read), and when it stays silent past
//! the deadline.

use std::io::{self, BufWriter, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::Parts;
use crate::cli::Config;
use crate::reader::HeadError;
use crate::request::{Request, Version};
use crate::response::Response;

/// Serves requests on `stream` until the connection should close.
pub fn handle(
    mut stream: TcpStream,
    peer: SocketAddr,
    config: &Config,
    parts: Parts,
) -> io::Result<()> {
    // A response goes out as soon as it is written, not when the kernel has gathered a
    // full segment (Nagle's algorithm would hold the last small piece back for an ACK).
    stream.set_nodelay(true)?;
    // A client that stops reading would block our writes forever; the deadline frees the
    // thread.
    stream.set_write_timeout(Some(config.timeout))?;
    let mut out = BufWriter::new(stream.try_clone()?);
    // Bytes read but not used yet: the start of the next (pipelined) request.
    let mut buf = Vec::new();
    loop {
        let deadline = Instant::now() + config.timeout;
        let head = match (parts.read_head)(&mut stream, &mut buf, deadline) {
            Ok(Some(head)) => head,
            // The client closed between requests: the normal end of a connection.
            Ok(None) => return Ok(()),
            Err(HeadError::TooLarge) => return refuse(&mut out, stream, peer, 431),
            Err(HeadError::TimedOut { partial: true }) => {
                return refuse(&mut out, stream, peer, 408);
            }
            // Idle past the deadline (before a first request, or between two): close
            // without a word, as nginx does.
            Err(HeadError::TimedOut { partial: false }) => return Ok(()),
            Err(HeadError::Truncated) => return Ok(()),
            Err(HeadError::Io(e)) => return Err(e),
        };
        let request = match (parts.parse)(&head) {
            Ok(request) => request,
            // After a malformed head we cannot know where the next request would start.
            Err(status) => return refuse(&mut out, stream, peer, status),
        };
        // A body we do not read would be taken for the next request: close after it.
        let keep_alive = (parts.keep_alive)(&request) && !request.has_body;
        let mut response = route(&request, config, parts);
        if !keep_alive {
            response = response.with_header("Connection", "close");
        }
        let (status, length) = (response.status, response.content_length);
        (parts.write)(&mut out, response, request.method == "HEAD")?;
        // The target passed the parser: visible ASCII only, so it is safe to print.
        log(format!(
            "{peer} \"{} {} {}\" {status} {length}",
            request.method,
            request.target,
            request.version.as_str()
        ));
        if !keep_alive {
            return close(stream);
        }
    }
}

/// Whether the connection stays open after the response: HTTP/1.1 does unless the client
/// says `Connection: close`; HTTP/1.0 does not (its opt-in `keep-alive` is left out here).
pub fn keep_alive(request: &Request) -> bool {
    request.version == Version::Http11 && !request.has_token("connection", "close")
}

/// The response to a well-formed request.
fn route(request: &Request, config: &Config, parts: Parts) -> Response {
    if request.method != "GET" && request.method != "HEAD" {
        return Response::error(405).with_header("Allow", "GET, HEAD");
    }
    let path = match (parts.resolve)(&config.root, &request.target) {
        Ok(path) => path,
        Err(status) => return Response::error(status),
    };
    match (parts.file_response)(&path) {
        Ok(response) => response,
        Err(e) if e.kind() == ErrorKind::NotFound => Response::error(404),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Response::error(403),
        Err(_) => Response::error(500),
    }
}

/// Answers with an error status, then closes.
fn refuse(
    out: &mut BufWriter<TcpStream>,
    stream: TcpStream,
    peer: SocketAddr,
    status: u16,
) -> io::Result<()> {
    let response = Response::error(status).with_header("Connection", "close");
    crate::response::write(out, response, false)?;
    log(format!("{peer} - {status}"));
    close(stream)
}

/// Writes one line to stderr in one write(2). Stderr is unbuffered, so `eprintln!` with
/// arguments writes every piece of the format separately: `strace` counted twenty system
/// calls for one log line.
fn log(mut line: String) {
    line.push('\n');
    let _ = io::stderr().write_all(line.as_bytes());
}

/// Closes the connection so that the client gets our last response. Closing a socket that
/// still has unread bytes makes the kernel send a reset (RST), and a reset can make the
/// client throw away a response it has not read yet. So we close our sending side first
/// (the client sees EOF after the response), then read and drop what the client still
/// sends, for a moment, before closing for good. nginx calls this a "lingering close".
fn close(mut stream: TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 64 * 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
    Ok(())
}
