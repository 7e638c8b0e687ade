//! `hello-http [--listen ADDR] [--count-chars]`: the smallest honest HTTP/1.1 server.
//!
//! Whatever you ask for, it answers with one short Korean greeting, then closes the
//! connection. It exists to show an HTTP exchange from below: a request is bytes up to an
//! empty line, a response is a status line, headers, an empty line and exactly
//! Content-Length bytes. `--count-chars` counts the body in characters instead of bytes,
//! the classic mistake, so you can watch a client cut the body short.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use ch05_examples::{resolve, utf8_args};

const USAGE: &str = "usage: hello-http [--listen ADDR] [--count-chars]   (default 127.0.0.1:8080)";

/// The body every request gets: 15 characters, 28 bytes in UTF-8.
const GREETING: &str = "안녕하세요, HTTP! 🦀\n";

fn main() -> ExitCode {
    let (listen, count_chars) = match parse(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("hello-http: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match serve(listen, count_chars) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hello-http: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<(SocketAddr, bool), String> {
    let mut listen = "127.0.0.1:8080".to_string();
    let mut count_chars = false;
    let mut args = utf8_args(args)?.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                listen = args
                    .next()
                    .ok_or("--listen needs a value, like --listen 127.0.0.1:8080")?
            }
            "--count-chars" => count_chars = true,
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok((resolve(&listen)?, count_chars))
}

fn serve(listen: SocketAddr, count_chars: bool) -> io::Result<()> {
    let listener = TcpListener::bind(listen)?;
    println!("listening on {}", listener.local_addr()?);
    io::stdout().flush()?;
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                thread::spawn(move || {
                    if let Err(e) = answer(stream, count_chars) {
                        eprintln!("hello-http: {e}");
                    }
                });
            }
            Err(e) => eprintln!("hello-http: accept failed: {e}"),
        }
    }
    Ok(())
}

fn answer(mut stream: TcpStream, count_chars: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    // ANCHOR: read_head
    // A request head ends with an empty line. One read() returns whatever has arrived,
    // maybe less than a line, so read until the buffer holds "\r\n\r\n".
    let mut head = Vec::new();
    let mut chunk = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(()); // the client left before finishing its request
        }
        head.extend_from_slice(&chunk[..n]);
        if head.len() > 8 * 1024 {
            return Ok(()); // not a request we will read to the end
        }
    }
    // ANCHOR_END: read_head
    let request_line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    eprintln!("{}", String::from_utf8_lossy(request_line));

    // ANCHOR: response
    let body = GREETING.as_bytes();
    let length = if count_chars {
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
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    // ANCHOR_END: response
    Ok(())
}
