//! `nagle [--listen ADDR] [--split] [--nodelay]`: what two small writes cost on a kept-alive
//! connection.
//!
//! Like `hello-http` it answers every request with the same greeting, but it keeps the
//! connection open for the next request, as HTTP/1.1 does by default. By default it writes
//! each response in one piece. `--split` writes the head and the body with two `write_all`
//! calls; on a kept-alive connection the body then waits for the client's delayed ACK of the
//! head, about 40 ms on Linux, because of Nagle's algorithm. `--nodelay` sets TCP_NODELAY,
//! which turns Nagle's algorithm off: two writes go out at once too.
//!
//! Measure it with curl, which reuses one connection for several URLs:
//! `curl -s -o /dev/null -w '%{time_total}\n' 'http://127.0.0.1:8080/[1-5]'`.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::time::Duration;

use ch05_examples::{NoHead, read_head, resolve, serve_forever, utf8_args};

const USAGE: &str = "usage: nagle [--listen ADDR] [--split] [--nodelay]   (default 127.0.0.1:8080)";

const GREETING: &str = "안녕하세요, HTTP! 🦀\n";

#[derive(Clone, Copy)]
struct Options {
    listen: SocketAddr,
    split: bool,
    nodelay: bool,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args_os().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("nagle: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(options.listen) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("nagle: cannot serve on {}: {e}", options.listen);
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = announce(&listener) {
        eprintln!("nagle: {e}");
        return ExitCode::FAILURE;
    }
    serve_forever(listener, 1000, move |stream, _| {
        if let Err(e) = converse(stream, options) {
            eprintln!("nagle: {e}");
        }
    })
}

fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Options, String> {
    let mut options = Options {
        listen: resolve("127.0.0.1:8080")?,
        split: false,
        nodelay: false,
    };
    let mut args = utf8_args(args)?.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                let addr = args
                    .next()
                    .ok_or("--listen needs a value, like --listen 127.0.0.1:8080")?;
                options.listen = resolve(&addr)?;
            }
            "--split" => options.split = true,
            "--nodelay" => options.nodelay = true,
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok(options)
}

fn announce(listener: &TcpListener) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()
}

/// Answers requests on one connection until the client closes it (or stays silent for 10 s).
fn converse(mut stream: TcpStream, options: Options) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    // ANCHOR: nodelay
    if options.nodelay {
        // TCP_NODELAY: send each write at once, even while earlier data is unacknowledged.
        stream.set_nodelay(true)?;
    }
    // ANCHOR_END: nodelay
    let mut buf = Vec::new();
    loop {
        match read_head(&mut stream, &mut buf) {
            Ok(_) => {}
            Err(NoHead::Closed) => return Ok(()),
            Err(NoHead::TooLarge) => return Ok(()),
            Err(NoHead::Failed(e)) => return Err(e),
        }
        let body = GREETING.as_bytes();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        // ANCHOR: split
        if options.split {
            // Two writes: the head leaves at once; the body is small, and the head is not
            // acknowledged yet, so Nagle's algorithm holds the body back.
            stream.write_all(head.as_bytes())?;
            stream.write_all(body)?;
        } else {
            // One write: head and body leave together.
            let mut response = head.into_bytes();
            response.extend_from_slice(body);
            stream.write_all(&response)?;
        }
        // ANCHOR_END: split
    }
}
