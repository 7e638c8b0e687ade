//! `idle-clients`: opens many connections to a server and holds them, saying nothing.
//!
//! Usage: `idle-clients --to ADDR [--count N] [--seconds S] [--report PID]` (1000
//! connections by default, held until you stop it with Ctrl-C, or for S seconds).
//!
//! Chapter 4 uses it to measure what an idle client costs a server. With `--report PID` it
//! opens the connections, gives the server a second to accept them all, prints what Linux
//! says about process PID in `/proc/PID/status` (its memory and its threads), and closes
//! them. Each connection is a file descriptor here and another one in the server; many
//! systems allow a process only 1024 (`ulimit -n`), so raise the limit in the shell first:
//! `ulimit -n 4096`.

use std::io::{self, Write};
use std::net::TcpStream;
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use ch04_examples::{Command, IdleArgs, parse_idle, usage_error};

const USAGE: &str = "idle-clients --to ADDR [--count N] [--seconds S] [--report PID]   (default: 1000 connections, held until Ctrl-C)";

fn main() -> ExitCode {
    let args = match parse_idle(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("idle-clients", USAGE, &message),
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("idle-clients: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: IdleArgs) -> io::Result<()> {
    // ANCHOR: open
    let mut held = Vec::with_capacity(args.count);
    held.push(first_connection(args.to)?);
    for n in 2..=args.count {
        match TcpStream::connect(args.to) {
            Ok(stream) => held.push(stream),
            // EMFILE: this process is out of file descriptors.
            Err(e) if e.raw_os_error() == Some(24) => {
                return Err(io::Error::other(format!(
                    "connection {n}: {e}; raise the limit first, e.g. `ulimit -n 4096`"
                )));
            }
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("connection {n} to {}: {e}", args.to),
                ));
            }
        }
    }
    println!("{} connections open to {}", held.len(), args.to);
    io::stdout().flush()?;
    // ANCHOR_END: open
    if let Some(pid) = args.report {
        // The server accepts in its own time; a second is plenty on loopback.
        thread::sleep(Duration::from_secs(1));
        report(pid)?;
    }
    match (args.seconds, args.report) {
        (Some(seconds), _) => thread::sleep(Duration::from_secs(seconds)),
        (None, Some(_)) => {}
        // Hold them until the program is stopped. park() may wake up early, hence the loop.
        (None, None) => loop {
            thread::park();
        },
    }
    // Dropping the streams closes the connections.
    drop(held);
    Ok(())
}

/// Connects once, waiting up to 5 s for a server that was started a moment ago and is not
/// listening yet (a refused connection), so that a script can start both at once.
fn first_connection(to: std::net::SocketAddr) -> io::Result<TcpStream> {
    let mut tries = 0;
    loop {
        match TcpStream::connect(to) {
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused && tries < 50 => {
                tries += 1;
                thread::sleep(Duration::from_millis(100));
            }
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("connection 1 to {to}: {e}"),
                ));
            }
            Ok(stream) => return Ok(stream),
        }
    }
}

// ANCHOR: report
/// Prints the memory and thread lines of `/proc/PID/status`, as `grep` would.
fn report(pid: u32) -> io::Result<()> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))?;
    println!("from {path}:");
    for line in status.lines() {
        // VmSize: address space reserved; VmRSS: memory really in RAM; Threads: threads.
        if ["VmSize:", "VmRSS:", "Threads:"]
            .iter()
            .any(|f| line.starts_with(f))
        {
            println!("{line}");
        }
    }
    Ok(())
}
// ANCHOR_END: report
