//! A correct lab05 server in another style than the reference: tokio, one task per
//! connection, and, wherever the RFCs leave a server a choice, the other choice.
//!
//! It exists to keep the grader honest. The grader judges what a server does on the wire,
//! never how it is built or which of the allowed answers it prefers, so this server must
//! pass every check the reference passes (`tests/proof.rs` asserts it). Where the two differ:
//!
//! | situation                              | reference                  | this server                         |
//! |----------------------------------------|----------------------------|-------------------------------------|
//! | concurrency                            | a thread per connection    | a tokio task per connection         |
//! | `GET  /` (two spaces)                  | 400                        | read as `GET /` (RFC 9112 §3)       |
//! | a request with a Content-Length body   | answer, then close         | read and discard the body, go on    |
//! | an unknown method (`BREW`)             | 501                        | 405 with `Allow` (RFC 9110 §15.5.6) |
//! | `OPTIONS`                              | 405                        | 200 with `Allow`                    |
//! | HTTP/1.0 with `Connection: keep-alive` | close                      | keep the connection open            |
//! | `/docs/../index.html`                  | 403 for any `..`           | resolved (RFC 3986 §5.2.4); 400 only above the root |
//! | a backslash in a segment               | 403                        | an ordinary byte of a file name     |
//! | a name that is not UTF-8 (`%c0%ae`)    | 404 without looking        | looked up as bytes, so 404          |
//! | a head that trickles past the deadline | 408, then close            | close without a word                |
//! | Content-Length with Transfer-Encoding  | 400, then close            | answered, then close (RFC 9112 §6.1) |
//!
//! Everything else is the contract: a deadline on every wait for a head and on every
//! response, 8 KiB heads, one valid Host for HTTP/1.1, the absolute form of a target, 400
//! and a close for any ambiguous Content-Length, HEAD without a body, and so on.

use std::ffi::OsStr;
use std::io::{self, ErrorKind, Write as _};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use lab_support::lab05::tables::{content_type, reason};
use lab_support::lab05::{self as cli, Config};
use lab05_solution::response::http_date;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, timeout_at};

/// The largest request head served: request line to empty line, CRLFs included.
const MAX_HEAD: usize = 8 * 1024;
/// The largest body read (and thrown away) to keep a connection going; a larger one is
/// answered and the connection closed.
const MAX_DISCARDED: u64 = 1024 * 1024;
/// Files up to this size are read whole and sent with their head in one write.
const SMALL_FILE: u64 = 64 * 1024;
/// What the `Allow` header of a 405 (and of OPTIONS) lists.
const ALLOW: &str = "GET, HEAD, OPTIONS";

fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab05: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lab05: cannot start the tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listen = config.listen;
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab05: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> io::Result<()> {
    let listener = TcpListener::bind(config.listen).await?;
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()?;
    drop(out);
    let config = Arc::new(config);
    let mut pause = Duration::from_millis(10);
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                pause = Duration::from_millis(10);
                let config = Arc::clone(&config);
                tokio::spawn(async move {
                    if let Err(e) = serve(stream, &config).await {
                        eprintln!("{peer}: {e}");
                    }
                });
            }
            Err(e) => {
                // Out of file descriptors, most likely: back off, as mini-redis does.
                eprintln!("accept failed: {e}; next try in {pause:?}");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(1));
            }
        }
    }
}

/// What follows a request's head.
#[derive(Debug, PartialEq, Eq)]
enum Body {
    None,
    Length(u64),
    /// Transfer-Encoding: a length we do not work out; the connection closes after it.
    Encoded,
}

#[derive(Debug)]
struct Request {
    method: String,
    target: Vec<u8>,
    /// The minor version of HTTP/1.x: 0, or 1 for 1.1 and later.
    minor: u8,
    headers: Vec<(String, String)>,
    body: Body,
}

impl Request {
    fn connection_has(&self, option: &str) -> bool {
        self.headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("connection"))
            .flat_map(|(_, value)| value.split(','))
            .any(|o| o.trim_matches([' ', '\t']).eq_ignore_ascii_case(option))
    }

    /// HTTP/1.1 persists unless asked to close; HTTP/1.0 only when asked to keep alive.
    fn keep_alive(&self) -> bool {
        if self.connection_has("close") {
            return false;
        }
        self.minor >= 1 || self.connection_has("keep-alive")
    }
}

/// Serves one connection until it should close.
async fn serve(mut stream: TcpStream, config: &Config) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf = Vec::new();
    loop {
        let deadline = Instant::now() + config.timeout;
        let head = match read_head(&mut stream, &mut buf, deadline).await? {
            Next::Head(head) => head,
            Next::Closed | Next::TimedOut => return Ok(()),
            Next::TooLarge => return refuse(stream, 431, config).await,
        };
        let request = match parse(&head) {
            Ok(request) => request,
            Err(status) => return refuse(stream, status, config).await,
        };
        let mut keep = request.keep_alive();
        match request.body {
            Body::None => {}
            Body::Length(n) if n <= MAX_DISCARDED => {
                let deadline = Instant::now() + config.timeout;
                if !discard(&mut stream, &mut buf, n, deadline).await? {
                    return Ok(());
                }
            }
            Body::Length(_) | Body::Encoded => keep = false,
        }
        let mut response = respond(&request, &config.root).await;
        if !keep {
            response.headers.push(("Connection", "close".into()));
        } else if request.minor == 0 {
            response.headers.push(("Connection", "keep-alive".into()));
        }
        let deadline = Instant::now() + config.timeout;
        let head_only = request.method == "HEAD";
        match timeout_at(deadline, write(&mut stream, response, head_only)).await {
            Ok(result) => result?,
            Err(_) => return Ok(()), // the client stopped reading
        }
        if !keep {
            return linger_and_close(stream).await;
        }
    }
}

enum Next {
    Head(Vec<u8>),
    Closed,
    TimedOut,
    TooLarge,
}

/// Reads the next head into `buf` (the bytes after it stay there), by `deadline`.
async fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> io::Result<Next> {
    let mut chunk = [0u8; 4096];
    loop {
        // Empty lines before a request line are skipped (RFC 9112 §2.2).
        let blank = buf
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        buf.drain(..blank);
        if let Some(end) = head_end(buf) {
            if end > MAX_HEAD {
                return Ok(Next::TooLarge);
            }
            return Ok(Next::Head(buf.drain(..end).collect()));
        }
        if buf.len() > MAX_HEAD {
            return Ok(Next::TooLarge);
        }
        match timeout_at(deadline, stream.read(&mut chunk)).await {
            Err(_) => return Ok(Next::TimedOut),
            Ok(Ok(0)) => return Ok(Next::Closed),
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
            Ok(Err(e)) => return Err(e),
        }
    }
}

/// Where the head ends: after the first empty line (CRLF or a bare LF).
fn head_end(buf: &[u8]) -> Option<usize> {
    (0..buf.len()).find_map(|i| {
        if buf[i] != b'\n' {
            return None;
        }
        match &buf[i + 1..] {
            [b'\n', ..] => Some(i + 2),
            [b'\r', b'\n', ..] => Some(i + 3),
            _ => None,
        }
    })
}

/// Reads `n` bytes of body and drops them. `false` if the client went away or was too slow.
async fn discard(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    mut n: u64,
    deadline: Instant,
) -> io::Result<bool> {
    let buffered = usize::try_from(n).unwrap_or(usize::MAX).min(buf.len());
    buf.drain(..buffered);
    n -= buffered as u64;
    let mut chunk = [0u8; 8192];
    while n > 0 {
        let want = chunk.len().min(usize::try_from(n).unwrap_or(usize::MAX));
        match timeout_at(deadline, stream.read(&mut chunk[..want])).await {
            Err(_) | Ok(Ok(0)) => return Ok(false),
            Ok(Ok(got)) => n -= got as u64,
            Ok(Err(e)) => return Err(e),
        }
    }
    Ok(true)
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Parses a head, or says which status refuses it.
fn parse(head: &[u8]) -> Result<Request, u16> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    // The lenient reading RFC 9112 §3 allows: words separated by any run of whitespace.
    let line = lines.next().unwrap_or(b"");
    let words: Vec<&[u8]> = line
        .split(|b| matches!(b, b' ' | b'\t' | 0x0b | 0x0c | b'\r'))
        .filter(|w| !w.is_empty())
        .collect();
    let [method, target, version] = words[..] else {
        return Err(400);
    };
    if !method.iter().all(|&b| is_tchar(b)) {
        return Err(400);
    }
    if !target.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(400);
    }
    let target = path_of(target)?;
    let minor = match version {
        [b'H', b'T', b'T', b'P', b'/', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            if *major != b'1' {
                return Err(505);
            }
            u8::from(*minor != b'0')
        }
        _ => return Err(400),
    };
    let mut headers = Vec::new();
    for line in lines.take_while(|l| !l.is_empty()) {
        let colon = line.iter().position(|&b| b == b':').ok_or(400u16)?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
            return Err(400);
        }
        let value = value.trim_ascii();
        if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return Err(400);
        }
        headers.push((
            String::from_utf8_lossy(name).into_owned(),
            String::from_utf8_lossy(value).into_owned(),
        ));
    }
    // One valid Host: required in HTTP/1.1, never twice (RFC 9112 §3.2).
    let hosts: Vec<&str> = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.as_str())
        .collect();
    match hosts[..] {
        [] if minor == 0 => {}
        [host] if is_host(host.as_bytes()) => {}
        _ => return Err(400),
    }
    let mut length: Option<u64> = None;
    let mut encoded = false;
    for (name, value) in &headers {
        if name.eq_ignore_ascii_case("transfer-encoding") {
            encoded = true;
        } else if name.eq_ignore_ascii_case("content-length") {
            // A list of equal values (`5, 5`) is one length (RFC 9110 §8.6).
            for element in value.split(',') {
                let element = element.trim();
                if element.is_empty() || !element.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(400);
                }
                let n: u64 = element.parse().map_err(|_| 400u16)?;
                if length.is_some_and(|old| old != n) {
                    return Err(400);
                }
                length = Some(n);
            }
        }
    }
    let body = match (encoded, length) {
        (true, _) => Body::Encoded,
        (false, Some(n)) if n > 0 => Body::Length(n),
        _ => Body::None,
    };
    Ok(Request {
        method: String::from_utf8_lossy(method).into_owned(),
        target,
        minor,
        headers,
        body,
    })
}

/// The path and query of a target: origin form (`/a?b`) as it is, absolute form
/// (`http://host/a?b`) without its scheme and host (RFC 9112 §3.2.2).
fn path_of(target: &[u8]) -> Result<Vec<u8>, u16> {
    if target.first() == Some(&b'/') {
        return Ok(target.to_vec());
    }
    let lower = target.to_ascii_lowercase();
    let rest = lower
        .strip_prefix(b"http://")
        .or_else(|| lower.strip_prefix(b"https://"))
        .ok_or(400u16)?;
    let start = target.len() - rest.len();
    let authority_len = rest
        .iter()
        .position(|&b| b == b'/' || b == b'?' || b == b'#')
        .unwrap_or(rest.len());
    if authority_len == 0 || !is_host(&target[start..start + authority_len]) {
        return Err(400);
    }
    let mut path = target[start + authority_len..].to_vec();
    if path.first() != Some(&b'/') {
        path.insert(0, b'/');
    }
    Ok(path)
}

/// `host[:port]`, RFC 3986's way: a name (or IPv4 address) or `[IPv6]`, then `:digits`.
fn is_host(value: &[u8]) -> bool {
    let (host, port) = if let Some(rest) = value.strip_prefix(b"[") {
        match rest.iter().position(|&b| b == b']') {
            Some(end)
                if end > 0
                    && rest[..end]
                        .iter()
                        .all(|b| b.is_ascii_hexdigit() || b":.".contains(b)) =>
            {
                (&b""[..], &rest[end + 1..])
            }
            _ => return false,
        }
    } else {
        let end = value.iter().position(|&b| b == b':').unwrap_or(value.len());
        (&value[..end], &value[end..])
    };
    let name = host
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%!$&'()*+,;=".contains(b));
    let port = port.is_empty() || (port[0] == b':' && port[1..].iter().all(u8::is_ascii_digit));
    name && port
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    length: u64,
    body: Content,
}

enum Content {
    Bytes(Vec<u8>),
    File(tokio::fs::File),
}

fn error(status: u16) -> Response {
    let text = format!("{status} {}\n", reason(status)).into_bytes();
    Response {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
        length: text.len() as u64,
        body: Content::Bytes(text),
    }
}

async fn respond(request: &Request, root: &Path) -> Response {
    match request.method.as_str() {
        "GET" | "HEAD" => {}
        "OPTIONS" => {
            return Response {
                status: 200,
                headers: vec![("Allow", ALLOW.into())],
                length: 0,
                body: Content::Bytes(Vec::new()),
            };
        }
        _ => {
            let mut response = error(405);
            response.headers.push(("Allow", ALLOW.into()));
            return response;
        }
    }
    let path = match resolve(root, &request.target) {
        Ok(path) => path,
        Err(status) => return error(status),
    };
    let mut path = path;
    if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_dir()) {
        path.push("index.html");
    }
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::PermissionDenied => return error(403),
        Err(_) => return error(404),
    };
    let length = match file.metadata().await {
        Ok(m) if m.is_file() => m.len(),
        _ => return error(404),
    };
    let headers = vec![("Content-Type", content_type(&path).to_string())];
    let body = if length <= SMALL_FILE {
        let mut bytes = Vec::with_capacity(length as usize);
        if file.take(length).read_to_end(&mut bytes).await.is_err() {
            return error(500);
        }
        Content::Bytes(bytes)
    } else {
        Content::File(file)
    };
    Response {
        status: 200,
        headers,
        length,
        body,
    }
}

/// The file a target names: decoded once, dot-segments resolved as RFC 3986 §5.2.4 does,
/// never above the root (400). Names are bytes, as Linux has them.
fn resolve(root: &Path, target: &[u8]) -> Result<PathBuf, u16> {
    let end = target
        .iter()
        .position(|&b| b == b'?' || b == b'#')
        .unwrap_or(target.len());
    let mut decoded = Vec::with_capacity(end);
    let mut i = 0;
    while i < end {
        if target[i] == b'%' {
            let hex = target
                .get(i + 1..i + 3)
                .filter(|_| i + 3 <= end)
                .ok_or(400u16)?;
            let text = std::str::from_utf8(hex).map_err(|_| 400u16)?;
            decoded.push(u8::from_str_radix(text, 16).map_err(|_| 400u16)?);
            i += 3;
        } else {
            decoded.push(target[i]);
            i += 1;
        }
    }
    if decoded.contains(&0) {
        return Err(400);
    }
    let mut segments: Vec<&[u8]> = Vec::new();
    for segment in decoded.split(|&b| b == b'/') {
        match segment {
            b"" | b"." => {}
            b".." => {
                segments.pop().ok_or(400u16)?;
            }
            s => segments.push(s),
        }
    }
    let mut path = root.to_path_buf();
    for segment in segments {
        path.push(OsStr::from_bytes(segment));
    }
    Ok(path)
}

async fn write(stream: &mut TcpStream, response: Response, head_only: bool) -> io::Result<()> {
    let mut bytes = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nServer: lab05-tokio\r\nContent-Length: {}\r\n",
        response.status,
        reason(response.status),
        http_date(SystemTime::now()),
        response.length
    );
    for (name, value) in &response.headers {
        bytes.push_str(&format!("{name}: {value}\r\n"));
    }
    bytes.push_str("\r\n");
    let mut bytes = bytes.into_bytes();
    match response.body {
        _ if head_only => stream.write_all(&bytes).await,
        Content::Bytes(body) => {
            bytes.extend_from_slice(&body);
            stream.write_all(&bytes).await
        }
        Content::File(file) => {
            stream.write_all(&bytes).await?;
            let sent = tokio::io::copy(&mut file.take(response.length), stream).await?;
            if sent != response.length {
                return Err(io::Error::new(ErrorKind::UnexpectedEof, "the file shrank"));
            }
            Ok(())
        }
    }
}

/// Answers with an error status and closes.
async fn refuse(mut stream: TcpStream, status: u16, config: &Config) -> io::Result<()> {
    let mut response = error(status);
    response.headers.push(("Connection", "close".into()));
    let deadline = Instant::now() + config.timeout;
    if let Ok(result) = timeout_at(deadline, write(&mut stream, response, false)).await {
        result?;
    }
    linger_and_close(stream).await
}

/// Closes our sending side, then drops what the client still sends for a moment, so that
/// the kernel does not answer unread bytes with a reset that could destroy our response.
async fn linger_and_close(mut stream: TcpStream) -> io::Result<()> {
    stream.shutdown().await?;
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 64 * 1024 {
        match timeout_at(deadline, stream.read(&mut sink)).await {
            Ok(Ok(n)) if n > 0 => drained += n,
            _ => break,
        }
    }
    Ok(())
}
