//! `slow-reader ADDR TARGET [--every MS] [--take BYTES]`: a client that reads a response
//! slowly, the way a slowloris attack looks on the way out.
//!
//! It asks for `TARGET` (a large file, say), then takes at most BYTES of the response
//! (default 8192) every MS milliseconds (default 1000), and reports when and how the server
//! ended it. It gives up by itself after 60 s.
//!
//! Two settings make loopback behave like a real network. Its receive buffer is small, so
//! the response waits in the server and not in this client. And it announces an MSS of 1460
//! bytes, Ethernet's: on loopback the MSS is 65,483 bytes, and Linux sizes a new
//! connection's send buffer from it (several MiB), which would swallow a large part of the
//! response before the server ever waits for the client.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use ch05_examples::{number, resolve, utf8_args};
use socket2::{Domain, Socket, Type};

const USAGE: &str = "usage: slow-reader ADDR TARGET [--every MS] [--take BYTES]   (for example: slow-reader 127.0.0.1:8080 /big.bin)";
const GIVE_UP: Duration = Duration::from_secs(60);

struct Options {
    addr: SocketAddr,
    target: String,
    every: Duration,
    take: usize,
}

fn main() -> ExitCode {
    let options = match parse() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("slow-reader: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut stream = match connect(options.addr) {
        Ok(stream) => stream,
        Err(e) => {
            eprintln!("slow-reader: cannot connect to {}: {e}", options.addr);
            return ExitCode::FAILURE;
        }
    };
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\n\r\n",
        options.target, options.addr
    );
    if let Err(e) = stream.write_all(request.as_bytes()) {
        eprintln!("slow-reader: cannot send the request: {e}");
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let mut read = 0usize;
    let mut buf = vec![0u8; options.take];
    let mut first = Vec::new();
    // ANCHOR: slow
    let ending = loop {
        if started.elapsed() > GIVE_UP {
            break "the response was still coming; slow-reader gave up".to_string();
        }
        match stream.read(&mut buf) {
            Ok(0) => break "the server closed the connection".to_string(),
            Ok(n) => {
                if first.len() < 64 {
                    first.extend_from_slice(&buf[..n.min(64)]);
                }
                read += n;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => break format!("the connection failed: {e}"),
        }
        // Take the next few KiB only after a pause: the server must wait for us.
        thread::sleep(options.every);
    };
    // ANCHOR_END: slow
    let status = first.split(|&b| b == b'\r').next().unwrap_or_default();
    println!(
        "{:?} after {:.1} s and {read} bytes read: {ending}",
        String::from_utf8_lossy(status),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Connects with a small receive buffer and an Ethernet-sized MSS, both set before the
/// handshake, which is when the server learns them.
fn connect(addr: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    socket.set_recv_buffer_size(8 * 1024)?;
    socket.set_tcp_mss(1460)?;
    socket.connect(&addr.into())?;
    Ok(socket.into())
}

fn parse() -> Result<Options, String> {
    let mut args = utf8_args(std::env::args_os().skip(1))?.into_iter();
    let mut positional = Vec::new();
    let mut every = Duration::from_millis(1000);
    let mut take = 8192;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--every" => {
                let ms = args
                    .next()
                    .ok_or("--every needs milliseconds, like --every 1000")?;
                every = Duration::from_millis(number("--every", &ms, 1, 60_000)?);
            }
            "--take" => {
                let bytes = args.next().ok_or("--take needs bytes, like --take 8192")?;
                take = number("--take", &bytes, 1, 1 << 20)? as usize;
            }
            other if !other.starts_with('-') && positional.len() < 2 => {
                positional.push(other.to_string())
            }
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let [addr, target] = &positional[..] else {
        return Err("give the server's address and a target".to_string());
    };
    if !target.starts_with('/') {
        return Err(format!("the target '{target}' must start with '/'"));
    }
    Ok(Options {
        addr: resolve(addr)?,
        target: target.clone(),
        every,
        take,
    })
}
