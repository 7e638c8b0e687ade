//! `async-echo`: an echo server on tokio, one task per client.
//!
//! Usage: `async-echo [--listen ADDR]` (default 127.0.0.1:7070).
//!
//! It is chapter 2's echo server with tasks instead of threads: the same accept loop, the
//! same copy from the socket to itself, but every call that could wait is `.await`ed, and a
//! client costs a task instead of a thread (a stack of its own, and the kernel's
//! bookkeeping). A task costs what it keeps: here about 9 KiB per client, most of it
//! `io::copy`'s 8 KiB buffer. Chapter 4 measures it with `idle-clients`.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use ch04_examples::{Command, parse_server, usage_error};
use tokio::io;
use tokio::net::{TcpListener, TcpStream};

const USAGE: &str = "async-echo [--listen ADDR]   (default 127.0.0.1:7070)";

// ANCHOR: main
// #[tokio::main] starts a runtime (a few worker threads, one per core, and the I/O driver
// that waits on epoll for all of them) and runs this async main on it.
#[tokio::main]
async fn main() -> ExitCode {
    let listen = match parse_server(std::env::args_os().skip(1)) {
        Ok(Command::Run(listen)) => listen,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("async-echo", USAGE, &message),
    };
    match serve(listen).await {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("async-echo: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: main

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

// ANCHOR: accept-loop
async fn serve(listen: SocketAddr) -> std::io::Result<std::convert::Infallible> {
    // socket, SO_REUSEADDR, bind and listen in one call, on a non-blocking socket.
    let listener = TcpListener::bind(listen).await?;
    println!("listening on {}", listener.local_addr()?);
    std::io::stdout().flush()?;
    let mut pause = FIRST_PAUSE;
    loop {
        // While no client is waiting, accept() returns Pending and this task sleeps; the
        // thread runs other tasks meanwhile. The runtime wakes the task when epoll says
        // the listening socket is readable.
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // As in chapter 2: back off, twice as long after each failure in a row.
                eprintln!("accept failed: {e}; next try in {pause:?}");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        // A task per client. spawn returns at once, and the loop goes back to accept.
        tokio::spawn(async move {
            match echo(stream).await {
                Ok(bytes) => eprintln!("{peer}: echoed {bytes} bytes"),
                Err(e) => eprintln!("{peer}: {e}"),
            }
        });
    }
}
// ANCHOR_END: accept-loop

// ANCHOR: echo
/// Sends back everything the client sends, until it is done sending.
async fn echo(mut stream: TcpStream) -> std::io::Result<u64> {
    // split() lends out the two directions of one socket as two values: a reading half
    // and a writing half, which can be used at the same time.
    let (mut reader, mut writer) = stream.split();
    // copy reads from one half and writes to the other until EOF. Each read and each
    // write that would wait gives the thread back to the runtime instead.
    io::copy(&mut reader, &mut writer).await
}
// ANCHOR_END: echo
