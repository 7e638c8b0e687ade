//! `no-accept`: a server that listens and never accepts.
//!
//! Usage: `no-accept [--listen ADDR] [--backlog N] [--no-reuseaddr] [--reuseport] [--v6only]`
//! (default 127.0.0.1:7070).
//!
//! It exists for one experiment in chapter 2. Once a socket listens, the kernel completes
//! TCP handshakes for it without the program doing anything: a client's connect succeeds and
//! its data is received, while the connection waits in the accept queue. Watch that queue
//! with `ss -tln` (the Recv-Q column of the listening socket counts the connections waiting
//! in it; Send-Q is the backlog), and see what happens to the next client once it is full.

use std::convert::Infallible;
use std::io::{self, Write};
use std::process::ExitCode;
use std::thread;

use ch02_examples::{Command, ServerArgs, parse_server, usage_error};
use socket2::{Domain, Protocol, Socket, Type};

const USAGE: &str =
    "no-accept [--listen ADDR] [--backlog N] [--no-reuseaddr] [--reuseport] [--v6only]";
const HELP: &str = "defaults: --listen 127.0.0.1:7070 --backlog 128";

fn main() -> ExitCode {
    let args = match parse_server(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}\n{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("no-accept", USAGE, &message),
    };
    match run(args) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("no-accept: cannot serve on {}: {e}", args.listen);
            ExitCode::FAILURE
        }
    }
}

fn run(args: ServerArgs) -> io::Result<Infallible> {
    // The same steps as `counter`: socket, the options, bind.
    let domain = Domain::for_address(args.listen);
    let socket = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(args.reuse_address)?;
    if args.reuse_port {
        socket.set_reuse_port(true)?;
    }
    if args.listen.is_ipv6() {
        socket.set_only_v6(args.only_v6)?;
    }
    socket.bind(&args.listen.into())?;

    // ANCHOR: never-accept
    // listen(2) is the last call this program makes on the socket. From now on
    // the kernel completes handshakes and queues the connections, up to the
    // backlog, until someone accepts them. Nobody ever will.
    socket.listen(args.backlog)?;
    // An IP socket always has an IP address: the fallback only pleases the type.
    let local = socket.local_addr()?.as_socket().unwrap_or(args.listen);
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {local}")?;
    out.flush()?;
    eprintln!(
        "backlog {}, never calling accept: watch the queue with `ss -tln`",
        args.backlog
    );
    // Keep the socket open, and never accept. park() may return for no reason,
    // hence the loop.
    loop {
        thread::park();
    }
    // ANCHOR_END: never-accept
}
