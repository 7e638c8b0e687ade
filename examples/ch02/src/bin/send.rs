//! `send`: a TCP client that sends all of its stdin and prints the reply.
//!
//! Usage: `send [ADDR]` (default 127.0.0.1:7070, where `counter` listens).
//!
//! This is the client's side of the flow in chapter 2: socket, connect, write, shutdown,
//! read, close. The shutdown is the point. A counter answers only once it has seen EOF, so
//! after the last byte the client must say "I am done sending" while keeping the connection
//! open to read the answer. That is a half-close: `shutdown(Write)`, not close.
//!
//! It writes everything before it reads anything, which suits a server that answers once at
//! the end, like `counter`. Against a server that answers as it reads (an echo server), a
//! large input would fill both directions' buffers and both programs would wait for each
//! other forever; a client for such a server reads and writes at the same time.

use std::io::{self, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::ExitCode;

use ch02_examples::{Command, parse_client, usage_error};
use socket2::{Domain, Protocol, Socket, Type};

const USAGE: &str = "send [ADDR]";
const HELP: &str = "sends stdin to ADDR (default 127.0.0.1:7070), then prints the reply";

fn main() -> ExitCode {
    let addr = match parse_client(std::env::args_os().skip(1)) {
        Ok(Command::Run(addr)) => addr,
        Ok(Command::Help) => {
            println!("usage: {USAGE}\n{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("send", USAGE, &message),
    };
    match run(addr) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("send: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(addr: SocketAddr) -> io::Result<()> {
    let mut stream = connect(addr)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot connect to {addr}: {e}")))?;

    // ANCHOR: write-all
    // Copy all of stdin to the socket. io::copy loops until stdin is used up,
    // and retries partial writes (the kernel took fewer bytes than offered) for
    // us. On Linux it may even let the kernel move the bytes, with splice(2).
    io::copy(&mut io::stdin().lock(), &mut stream)?;
    // ANCHOR_END: write-all

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
