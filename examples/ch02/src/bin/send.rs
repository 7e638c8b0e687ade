//! `send`: a TCP client that sends all of its stdin and prints the reply.
//!
//! Usage: `send [--reset] [HOST:PORT]` (default 127.0.0.1:7070, where `counter` listens).
//!
//! This is the client's side of the flow in chapter 2: socket, connect, write, shutdown,
//! read, close. The shutdown is the point. A counter answers only once it has seen EOF, so
//! after the last byte the client must say "I am done sending" while keeping the connection
//! open to read the answer. That is a half-close: `shutdown(Write)`, not close.
//!
//! The target may be a name (`localhost:7070`). A name can have several addresses, IPv6 and
//! IPv4; the client tries each in turn, in the resolver's order, until one answers, as
//! `TcpStream::connect` does.
//!
//! With `--reset`, the client ends the other way: after its input it closes with SO_LINGER
//! set to zero, which sends a reset (RST) instead of a FIN. The chapter uses it to show what
//! a server sees when a connection is aborted; the course's grader resets connections the
//! same way.
//!
//! It writes everything before it reads anything, which suits a server that answers once at
//! the end, like `counter`. Against a server that answers as it reads (an echo server), a
//! large input would fill both directions' buffers and both programs would wait for each
//! other forever; a client for such a server reads and writes at the same time.

use std::io::{self, ErrorKind, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

use ch02_examples::{ClientArgs, Command, parse_client, usage_error};
use socket2::{Domain, Protocol, SockRef, Socket, Type};

const USAGE: &str = "send [--reset] [HOST:PORT]";
const HELP: &str = "sends stdin to HOST:PORT (default 127.0.0.1:7070), then prints the reply;
--reset ends the connection with a reset (RST) instead of waiting for the reply";

fn main() -> ExitCode {
    let args = match parse_client(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}\n{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("send", USAGE, &message),
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("send: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &ClientArgs) -> io::Result<()> {
    let mut stream = connect_any(&args.target)?;

    // ANCHOR: write-all
    // Copy all of stdin to the socket. io::copy loops until stdin is used up,
    // and retries partial writes (the kernel took fewer bytes than offered) for
    // us. On Linux it may even let the kernel move the bytes, with splice(2).
    io::copy(&mut io::stdin().lock(), &mut stream)?;
    // ANCHOR_END: write-all

    if args.reset {
        return abort(stream);
    }

    // ANCHOR: half-close
    // Half-close: send FIN, which the server's read sees as EOF (read returns
    // 0). Only our sending direction closes: the server can still write, and we
    // can still read.
    stream.shutdown(Shutdown::Write)?;
    // ANCHOR_END: half-close

    // ANCHOR: read-reply
    // Read until the server closes its side (EOF), printing what arrives.
    let mut out = io::stdout().lock();
    io::copy(&mut stream, &mut out)?;
    out.flush()?;
    // Returning drops `stream`, which closes the socket.
    Ok(())
    // ANCHOR_END: read-reply
}

// ANCHOR: connect-any
/// Connects to `target` (`HOST:PORT`), trying each of its addresses in turn.
fn connect_any(target: &str) -> io::Result<TcpStream> {
    // to_socket_addrs asks the system's resolver (getaddrinfo(3): /etc/hosts,
    // then DNS) unless the text already is an address. A name may have several
    // addresses, IPv6 and IPv4, in the order the resolver prefers.
    let addrs: Vec<SocketAddr> = target
        .to_socket_addrs()
        .map_err(|e| io::Error::new(e.kind(), format!("cannot resolve {target}: {e}")))?
        .collect();
    let mut left = addrs.len();
    for addr in addrs {
        left -= 1;
        match connect(addr) {
            Ok(stream) => return Ok(stream),
            // One address refusing is no reason to give up: the next one may
            // be where the server listens.
            Err(e) if left > 0 => {
                eprintln!("send: cannot connect to {addr}: {e}; trying the next address");
            }
            Err(e) => {
                let message = format!("cannot connect to {addr}: {e}");
                return Err(io::Error::new(e.kind(), message));
            }
        }
    }
    Err(io::Error::new(
        ErrorKind::NotFound,
        format!("{target} has no address"),
    ))
}
// ANCHOR_END: connect-any

// ANCHOR: connect
/// Opens a TCP connection to `addr`, one system call at a time.
fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
    // socket(2), as on the server: a TCP socket of the address's family.
    let domain = Domain::for_address(addr);
    let socket = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    // connect(2), with no bind before it: the kernel picks our address and a
    // free ephemeral port, then runs the three-way handshake. connect returns
    // once the server's kernel has answered, whether or not the server program
    // has called accept yet.
    socket.connect(&addr.into())?;
    Ok(socket.into())
}
// ANCHOR_END: connect

// ANCHOR: linger-zero
/// Ends the connection with a reset instead of a FIN.
fn abort(stream: TcpStream) -> io::Result<()> {
    // SO_LINGER with a time of zero changes what close(2) does: the kernel
    // throws away whatever is still unsent, sends RST and forgets the
    // connection at once, with no FIN and no TIME_WAIT. The server's next read
    // or write fails with "Connection reset by peer".
    SockRef::from(&stream).set_linger(Some(Duration::ZERO))?;
    drop(stream);
    Ok(())
}
// ANCHOR_END: linger-zero
