//! Lab 02: a TCP echo server, built step by step.
//!
//! Read chapter 2, "The life of a socket" (`src/en/ch02-life-of-a-socket.md`;
//! 한국어: `src/ko/ch02-life-of-a-socket.md`), then fill in the TODOs below, in order.
//! Grade your work with `cargo test -p lab02`: each failing check says which TODO it needs
//! and which section of the chapter explains it. Try it by hand with
//! `cargo run -p lab02` in one terminal and `nc 127.0.0.1 7878` in another.
//!
//! TODO list (everything else in this crate is done):
//!
//! 1. `open_listener`: create the listening socket step by step with socket2: a new TCP
//!    socket for `addr`'s family, SO_REUSEADDR on, bind to `addr`, listen with a backlog of
//!    128, then turn it into a `std::net::TcpListener`.
//!    (§ "Bind: claiming an address", § "Listen and the backlog", § "TIME_WAIT and SO_REUSEADDR")
//! 2. `announce`: print `listening on ADDR` on stdout, where ADDR is the address the socket
//!    really got (`local_addr()`: with port 0 the kernel picks the port), then flush stdout.
//!    (§ "Ephemeral ports and port 0")
//! 3. `serve`: accept clients forever, each on its own thread running `echo`, so that one
//!    slow client never holds up the next, however many are connected. Log
//!    `connected PEER` and `disconnected PEER` on stderr, whether the client left with EOF
//!    or with an error. A failed accept or a failed client is logged and the server goes on.
//!    (§ "Accept: one socket per client")
//! 4. `echo`: read into a buffer of this connection's own and write back exactly the bytes
//!    that read returned (`&buf[..n]`), straight away, until read returns 0 (EOF: the client
//!    is done sending); then return, which closes the connection. Bytes are bytes: no
//!    lines, no UTF-8. (§ "Reading and writing: partial reads and writes",
//!    § "EOF and half-close", § "Close")
//! 5. Delete the `#![allow(...)]` line below and fix any warning it was hiding.

// The unfinished starter leaves some names unused; this keeps it quiet until you are done.
#![allow(unused_variables, unused_imports, dead_code)]

use lab_support::lab02 as cli;

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;

use socket2::{Domain, Protocol, Socket, Type};

fn main() -> ExitCode {
    let listen = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve { listen }) => listen,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab02: {message}");
            return ExitCode::from(2);
        }
    };
    // Errors that end the server (the address is in use, say) become one line on stderr.
    match run(listen) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab02: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(addr: SocketAddr) -> io::Result<()> {
    let listener = open_listener(addr)?;
    announce(&listener)?;
    serve(listener)
}

/// TODO 1: socket, SO_REUSEADDR, bind, listen; return the listener.
fn open_listener(addr: SocketAddr) -> io::Result<TcpListener> {
    todo!("TODO 1: open a listening socket on {addr} with socket2")
}

/// TODO 2: print `listening on ADDR` (the address really bound) and flush stdout.
fn announce(listener: &TcpListener) -> io::Result<()> {
    todo!("TODO 2: print `listening on ADDR` and flush stdout")
}

/// TODO 3: accept forever; one thread per client, running `echo`.
fn serve(listener: TcpListener) -> io::Result<()> {
    todo!("TODO 3: accept clients, each on its own thread")
}

/// TODO 4: echo every byte back until EOF.
fn echo(stream: TcpStream, peer: SocketAddr) -> io::Result<()> {
    todo!("TODO 4: echo the bytes {peer} sends until EOF")
}
