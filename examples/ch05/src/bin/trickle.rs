//! `trickle ADDR [--every MS]`: a slow client, the way a slowloris attack looks.
//!
//! It starts a request and then sends one more byte of a header that never ends, every MS
//! milliseconds (default 500), and reports when and how the server ends it: a response, a
//! close, or a reset. It gives up by itself after 60 s.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ch05_examples::{resolve, utf8_args};

const USAGE: &str =
    "usage: trickle ADDR [--every MS]   (for example: trickle 127.0.0.1:8080 --every 500)";
const GIVE_UP: Duration = Duration::from_secs(60);

fn main() -> ExitCode {
    let (addr, every) = match parse() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("trickle: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut stream = match TcpStream::connect(addr) {
        Ok(stream) => stream,
        Err(e) => {
            eprintln!("trickle: cannot connect to {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let mut sent = 0;
    let mut reply = Vec::new();
    let first = b"GET / HTTP/1.1\r\nX-Slow: ";
    let _ = stream.write_all(first);
    sent += first.len();
    // ANCHOR: trickle
    let ending = loop {
        if started.elapsed() > GIVE_UP {
            break "the server was still waiting; trickle gave up".to_string();
        }
        // Wait up to `every` for the server to say something, then send one more byte.
        let _ = stream.set_read_timeout(Some(every));
        let mut buf = [0u8; 4096];
        match stream.read(&mut buf) {
            Ok(0) => break "the server closed the connection".to_string(),
            Ok(n) => reply.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if stream.write_all(b"a").is_ok() {
                    sent += 1;
                }
            }
            Err(e) => break format!("the connection failed: {e}"),
        }
    };
    // ANCHOR_END: trickle
    let status = reply.split(|&b| b == b'\r').next().unwrap_or_default();
    println!(
        "after {:.1} s and {sent} bytes sent: {ending}{}",
        started.elapsed().as_secs_f64(),
        if status.is_empty() {
            String::new()
        } else {
            format!(", after answering {:?}", String::from_utf8_lossy(status))
        }
    );
    ExitCode::SUCCESS
}

fn parse() -> Result<(std::net::SocketAddr, Duration), String> {
    let args = utf8_args(std::env::args_os().skip(1))?;
    let mut addr = None;
    let mut every = Duration::from_millis(500);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--every" => {
                let ms = args
                    .next()
                    .ok_or("--every needs milliseconds, like --every 500")?;
                match ms.parse::<u64>() {
                    Ok(n) if (1..=10_000).contains(&n) => every = Duration::from_millis(n),
                    _ => {
                        return Err(format!(
                            "'{ms}' is not a number of milliseconds from 1 to 10000"
                        ));
                    }
                }
            }
            other if addr.is_none() && !other.starts_with('-') => addr = Some(resolve(other)?),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok((addr.ok_or("give the server's address")?, every))
}
