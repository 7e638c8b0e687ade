//! `hello-http [--listen ADDR] [--max-connections N] [--count-chars] [--abrupt-close]`: the
//! smallest honest HTTP/1.1 server.
//!
//! Whatever you ask for, it answers with one short Korean greeting, then closes the
//! connection. It exists to show an HTTP exchange from below: a request is bytes up to an
//! empty line, a response is a status line, headers, an empty line and exactly
//! Content-Length bytes, written in one piece. Its accept loop is the one the chapter
//! teaches: a thread per connection, a cap on how many are open at once (`--max-connections`,
//! default 1000), and a backoff after a failed accept.
//!
//! Two flags make classic mistakes on purpose, so that you can watch what they do:
//! `--count-chars` counts the body in characters instead of bytes (a client cuts the body
//! short), and `--abrupt-close` closes the connection right after the response without
//! reading what the client still sends (the kernel answers that with a reset, and a client
//! still sending a request body never sees the response).

use std::io::{self, ErrorKind, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::time::Duration;

use ch05_examples::{NoHead, close_gently, number, read_head, resolve, serve_forever, utf8_args};

const USAGE: &str = "usage: hello-http [--listen ADDR] [--max-connections N] [--count-chars] [--abrupt-close]   (defaults 127.0.0.1:8080, 1000)";

/// The body every request gets: 15 characters, 28 bytes in UTF-8.
const GREETING: &str = "안녕하세요, HTTP! 🦀\n";

#[derive(Clone, Copy)]
struct Options {
    listen: SocketAddr,
    max_connections: usize,
    count_chars: bool,
    abrupt_close: bool,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args_os().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("hello-http: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match listen(options.listen) {
        Ok(listener) => serve_forever(listener, options.max_connections, move |stream, _| {
            if let Err(e) = answer(stream, options) {
                eprintln!("hello-http: {e}");
            }
        }),
        Err(e) => {
            eprintln!("hello-http: cannot serve on {}: {e}", options.listen);
            ExitCode::FAILURE
        }
    }
}

fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Options, String> {
    let mut listen = "127.0.0.1:8080".to_string();
    let mut options = Options {
        listen: resolve(&listen)?,
        max_connections: 1000,
        count_chars: false,
        abrupt_close: false,
    };
    let mut args = utf8_args(args)?.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                listen = args
                    .next()
                    .ok_or("--listen needs a value, like --listen 127.0.0.1:8080")?
            }
            "--max-connections" => {
                let n = args
                    .next()
                    .ok_or("--max-connections needs a number, like --max-connections 100")?;
                options.max_connections = number("--max-connections", &n, 1, 100_000)? as usize;
            }
            "--count-chars" => options.count_chars = true,
            "--abrupt-close" => options.abrupt_close = true,
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    options.listen = resolve(&listen)?;
    Ok(options)
}

fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let listener = TcpListener::bind(addr)?;
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()?;
    Ok(listener)
}

fn answer(mut stream: TcpStream, options: Options) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut buf = Vec::new();
    let head = match read_head(&mut stream, &mut buf) {
        Ok(head) => head,
        Err(NoHead::TooLarge) => {
            stream.write_all(TOO_LARGE)?;
            return close(stream, options);
        }
        Err(NoHead::Closed) => return Ok(()),
        Err(NoHead::Failed(e))
            if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
        {
            return Err(io::Error::new(
                ErrorKind::TimedOut,
                "no request within 10 s",
            ));
        }
        Err(NoHead::Failed(e)) => return Err(e),
    };
    let request_line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    eprintln!("{}", String::from_utf8_lossy(request_line));

    // ANCHOR: response
    let body = GREETING.as_bytes();
    let length = if options.count_chars {
        GREETING.chars().count() // the bug: characters, not bytes
    } else {
        body.len()
    };
    let head = format!(
        "HTTP/1.1 200 OK\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {length}\r\n\
         Connection: close\r\n\
         \r\n"
    );
    // Head and body in one buffer, so one write(2) sends them: two small writes in a row
    // can wait 40 ms for an ACK on a kept-alive connection (see "Small writes").
    let mut response = head.into_bytes();
    response.extend_from_slice(body);
    stream.write_all(&response)?;
    // ANCHOR_END: response
    close(stream, options)
}

/// The answer to a head over 8 KiB.
const TOO_LARGE: &[u8] =
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

fn close(stream: TcpStream, options: Options) -> io::Result<()> {
    if options.abrupt_close {
        // The mistake: dropping the stream closes it at once, with the request's unread
        // bytes still in the socket, so the kernel sends a reset.
        drop(stream);
    } else {
        close_gently(stream);
    }
    Ok(())
}
