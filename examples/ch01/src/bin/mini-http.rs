//! `mini-http`: a tiny HTTP/1.1 server, so that you can watch HTTP on the wire.
//!
//! Usage: `mini-http [--listen ADDR]` (default 127.0.0.1:8081).
//!
//! | path          | answer                                                           |
//! |---------------|------------------------------------------------------------------|
//! | `/`           | a small HTML page (what HTTP was made for)                       |
//! | `/hello.json` | the same greeting as JSON (what HTTP mostly carries today)       |
//! | `/early`      | the page of `/`, after a `103 Early Hints`: two responses to one request |
//! | `/events`     | three server-sent events, one a second: an answer that streams |
//! | anything else | 404 Not Found                                                    |
//!
//! Every request is logged on stderr as `PEER #N METHOD PATH VERSION -> STATUS`, where N
//! counts the requests on that one connection: a `#2` from the same PEER is HTTP/1.1's
//! keep-alive at work.
//!
//! It is a teaching server, not a web server: no files, no TLS, no chunked request bodies,
//! one thread per connection. What it does do, it does by the standard: it reads requests
//! as bytes, frames every response with Content-Length, keeps connections alive unless
//! asked not to, and closes a connection that stays idle too long.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use ch01_examples::{Command, ServerArgs, listen, parse_server, usage_error};

const USAGE: &str = "mini-http [--listen ADDR]   (default 127.0.0.1:8081)";

/// A kept-alive connection that sends nothing for this long is closed: an idle connection
/// still costs the server a socket and, here, a thread.
const IDLE_LIMIT: Duration = Duration::from_secs(30);
/// The longest request head we read, and the biggest request body we are willing to skip.
const MAX_HEAD: u64 = 16 * 1024;
const MAX_BODY: u64 = 1024 * 1024;
/// The page at `/` (and at `/early`).
const PAGE: &[u8] = b"<!doctype html>\n<title>hello</title>\n<h1>hello, http</h1>\n";
/// How many events `/events` sends, and how far apart.
const EVENTS: u32 = 3;
const EVENT_EVERY: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    let defaults = ServerArgs {
        listen: "127.0.0.1:8081".parse().expect("a valid default address"),
        every: Duration::ZERO,
    };
    let args = match parse_server(std::env::args_os().skip(1), defaults, false) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("mini-http", USAGE, &message),
    };
    match listen(args.listen).and_then(serve) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("mini-http: cannot serve on {}: {e}", args.listen);
            ExitCode::FAILURE
        }
    }
}

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Accepts connections forever, one thread each.
fn serve(listener: TcpListener) -> io::Result<std::convert::Infallible> {
    let mut pause = FIRST_PAUSE;
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept is about one connection, or a shortage that passes (out of
                // file descriptors): back off, twice as long after each failure in a row, and
                // keep serving (chapter 2 explains the pattern).
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        let client = move || {
            if let Err(e) = connection(&stream, peer) {
                eprintln!("{peer} closed: {e}");
            }
        };
        if let Err(e) = thread::Builder::new().spawn(client) {
            // The closure, with the stream in it, was dropped: that connection is closed.
            eprintln!("no thread for {peer}: {e}");
        }
    }
}

/// One request, as far as this server cares.
struct Request {
    method: String,
    target: String,
    version: String,
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// HTTP/1.1 keeps the connection open unless the client says `Connection: close`;
    /// HTTP/1.0 closes it unless the client says `Connection: keep-alive`.
    fn keep_alive(&self) -> bool {
        let connection = self.header("connection").unwrap_or("").to_ascii_lowercase();
        if self.version == "HTTP/1.0" {
            connection == "keep-alive"
        } else {
            connection != "close"
        }
    }
}

// ANCHOR: connection
/// Serves requests on one connection, one after another, until the client closes it, asks
/// for `Connection: close`, or stays idle for IDLE_LIMIT.
fn connection(stream: &TcpStream, peer: SocketAddr) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_LIMIT))?;
    let mut reader = BufReader::new(stream);
    for number in 1.. {
        let request = match read_request(&mut reader) {
            // EOF before a new request: the client is done with this connection.
            Ok(None) => return Ok(()),
            Ok(Some(request)) => request,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                eprintln!("{peer} idle for {} s, closing", IDLE_LIMIT.as_secs());
                return Ok(());
            }
            Err(e) => {
                eprintln!("{peer} #{number} bad request: {e}");
                let body = format!("bad request: {e}\n");
                return respond(stream, 400, "text/plain", body.as_bytes(), false);
            }
        };
        let (status, keep_alive) = answer(stream, &request)?;
        eprintln!(
            "{peer} #{number} {} {} {} -> {status}",
            request.method, request.target, request.version
        );
        if !keep_alive {
            return Ok(());
        }
    }
    Ok(())
}
// ANCHOR_END: connection

// ANCHOR: read-request
/// Reads one request head: the request line, then header lines up to the empty line. Returns
/// `None` at EOF before the first byte. Lines end with CR LF; like most servers, this one
/// also takes a bare LF, which is handy when you type a request with `nc`.
fn read_request(reader: &mut BufReader<&TcpStream>) -> io::Result<Option<Request>> {
    let mut head = reader.by_ref().take(MAX_HEAD);
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        // read_until loops over partial reads for us: the line may come in many pieces.
        if head.read_until(b'\n', &mut line)? == 0 {
            if lines.is_empty() && line.is_empty() {
                return Ok(None);
            }
            return Err(invalid("the head ended before its empty line"));
        }
        let text = String::from_utf8(line).map_err(|_| invalid("the head is not text"))?;
        let text = text.trim_end_matches(['\r', '\n']).to_string();
        if text.is_empty() {
            // Empty lines before a request are allowed (and ignored); after it, one ends
            // the head.
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(text);
    }
    let mut parts = lines[0].split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid("the request line is not METHOD TARGET VERSION"));
    };
    if !target.starts_with('/') || !matches!(version, "HTTP/1.0" | "HTTP/1.1") {
        return Err(invalid("the request line is not METHOD /PATH HTTP/1.x"));
    }
    let mut headers = Vec::new();
    for line in &lines[1..] {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| invalid("a header line without a colon"))?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let request = Request {
        method: method.to_string(),
        target: target.to_string(),
        version: version.to_string(),
        headers,
    };
    skip_body(reader, &request)?;
    Ok(Some(request))
}
// ANCHOR_END: read-request

/// A GET has no body, but a request that has one must be read past, or its bytes would be
/// taken for the start of the next request.
fn skip_body(reader: &mut BufReader<&TcpStream>, request: &Request) -> io::Result<()> {
    if request.header("transfer-encoding").is_some() {
        return Err(invalid("chunked request bodies are not supported"));
    }
    let length = match request.header("content-length") {
        None => return Ok(()),
        Some(value) => value
            .parse::<u64>()
            .map_err(|_| invalid("Content-Length is not a number"))?,
    };
    if length > MAX_BODY {
        return Err(invalid("the request body is too large"));
    }
    let skipped = io::copy(&mut reader.by_ref().take(length), &mut io::sink())?;
    if skipped < length {
        return Err(invalid("the request body ended early"));
    }
    Ok(())
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

/// Answers one request. Returns the status code, for the log, and whether the connection
/// stays open for another request.
fn answer(stream: &TcpStream, request: &Request) -> io::Result<(u16, bool)> {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        respond(stream, 405, "text/plain", b"only GET and HEAD\n", false)?;
        return Ok((405, false));
    }
    let keep_alive = request.keep_alive();
    // The query (?...) does not choose the page here.
    let path = request.target.split('?').next().unwrap_or("/");
    let (status, content_type, body): (u16, &str, Vec<u8>) = match path {
        "/" => (200, "text/html; charset=utf-8", PAGE.to_vec()),
        "/hello.json" => (
            200,
            "application/json",
            b"{\"hello\": \"http\", \"carried by\": \"tcp\"}\n".to_vec(),
        ),
        "/early" => {
            early_hints(stream, request)?;
            (200, "text/html; charset=utf-8", PAGE.to_vec())
        }
        "/events" if request.method == "GET" => {
            // The stream's end is the end of its body: this connection closes after it.
            events(stream)?;
            return Ok((200, false));
        }
        _ => (
            404,
            "text/plain",
            format!("not found: {path}\n").into_bytes(),
        ),
    };
    let body = if request.method == "HEAD" {
        // HEAD: the same head as GET, Content-Length included, and no body.
        Body::HeadOnly(body.len())
    } else {
        Body::Bytes(&body)
    };
    respond_with(stream, status, content_type, body, keep_alive)?;
    Ok((status, keep_alive))
}

// ANCHOR: early
/// `/early`: a `103 Early Hints` (RFC 8297) before the real response, naming something the
/// page will need, so that a browser can start fetching it while the server is still at
/// work. It is an interim response: a head and no body, and the final response follows on
/// the same connection. HTTP/1.0 has no 1xx responses, so an HTTP/1.0 client gets none
/// (RFC 9110 §15.2).
fn early_hints(mut stream: &TcpStream, request: &Request) -> io::Result<()> {
    if request.version == "HTTP/1.0" {
        return Ok(());
    }
    stream.write_all(
        b"HTTP/1.1 103 Early Hints\r\n\
          Link: </hello.json>; rel=preload; as=fetch\r\n\r\n",
    )
}
// ANCHOR_END: early

enum Body<'a> {
    Bytes(&'a [u8]),
    HeadOnly(usize),
}

fn respond(
    stream: &TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    keep_alive: bool,
) -> io::Result<()> {
    respond_with(stream, status, content_type, Body::Bytes(body), keep_alive)
}

// ANCHOR: respond
/// Writes one response: the status line, the headers, an empty line, the body. The
/// Content-Length header is what lets the client find the end of the body while the
/// connection stays open for the next request.
fn respond_with(
    mut stream: &TcpStream,
    status: u16,
    content_type: &str,
    body: Body,
    keep_alive: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Unknown",
    };
    let (length, bytes) = match body {
        Body::Bytes(bytes) => (bytes.len(), bytes),
        Body::HeadOnly(length) => (length, &[][..]),
    };
    let mut response = format!(
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {content_type}\r\n\
         Content-Length: {length}\r\n"
    );
    if !keep_alive {
        response.push_str("Connection: close\r\n");
    }
    response.push_str("\r\n");
    let mut response = response.into_bytes();
    response.extend_from_slice(bytes);
    // One write_all for the whole response: it is sent in as few packets as possible.
    stream.write_all(&response)
}
// ANCHOR_END: respond

// ANCHOR: events
/// `/events`: server-sent events. The response has no Content-Length: its body ends when
/// the connection closes, so the server can keep sending for as long as it likes. Each
/// event is a `data:` line and an empty line.
fn events(mut stream: &TcpStream) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\n\
          Content-Type: text/event-stream\r\n\
          Cache-Control: no-cache\r\n\
          Connection: close\r\n\r\n",
    )?;
    for n in 1..=EVENTS {
        thread::sleep(EVENT_EVERY);
        write!(stream, "data: tick {n}\n\n")?;
    }
    Ok(())
}
// ANCHOR_END: events
