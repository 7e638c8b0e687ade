//! `thread-echo`: an echo server with one thread per client, the way chapter 2 built it.
//!
//! Usage: `thread-echo [--listen ADDR]` (default 127.0.0.1:7070).
//!
//! It is here to be measured against `async-echo`: the same server, with blocking sockets
//! and a thread per client instead of non-blocking sockets and a task per client.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use ch04_examples::{Command, parse_server, usage_error};

const USAGE: &str = "thread-echo [--listen ADDR]   (default 127.0.0.1:7070)";

fn main() -> ExitCode {
    let listen = match parse_server(std::env::args_os().skip(1)) {
        Ok(Command::Run(listen)) => listen,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("thread-echo", USAGE, &message),
    };
    match serve(listen) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("thread-echo: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

// ANCHOR: accept-loop
fn serve(listen: SocketAddr) -> io::Result<std::convert::Infallible> {
    let listener = TcpListener::bind(listen)?;
    println!("listening on {}", listener.local_addr()?);
    io::stdout().flush()?;
    let mut pause = FIRST_PAUSE;
    loop {
        // accept blocks this thread until a client arrives.
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // As in chapter 2: back off, twice as long after each failure in a row.
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        // A thread per client: its blocking reads hold up only itself.
        let spawned = thread::Builder::new().spawn(move || match echo(stream) {
            Ok(bytes) => eprintln!("{peer}: echoed {bytes} bytes"),
            Err(e) => eprintln!("{peer}: {e}"),
        });
        if let Err(e) = spawned {
            eprintln!("no thread for {peer}: {e}");
        }
    }
}
// ANCHOR_END: accept-loop

fn echo(stream: TcpStream) -> io::Result<u64> {
    let mut writer = stream.try_clone()?;
    io::copy(&mut &stream, &mut writer)
}
