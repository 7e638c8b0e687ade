//! `push`: a line server that speaks first, and speaks whenever it likes.
//!
//! Usage: `push [--listen ADDR] [--every MS]` (default 127.0.0.1:7171, a tick every 1000 ms).
//!
//! Each client gets, on its own connection:
//!
//! - a greeting the moment it connects, before it has sent anything;
//! - `tick N` every MS milliseconds, although it never asked: server push;
//! - `you said: LINE` for every line it sends;
//! - when it shuts down its sending side (EOF), a last `bye: you sent N lines`, and then
//!   the server closes the connection.
//!
//! Nothing of this fits HTTP's request-then-response. On a plain TCP connection both ends may
//! send at any time, so two threads share this connection: one reads the client's lines and
//! answers them, the other ticks. A mutex around the writing half keeps their lines whole.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use ch01_examples::{Command, ServerArgs, listen, parse_server, usage_error};

const USAGE: &str =
    "push [--listen ADDR] [--every MS]   (default 127.0.0.1:7171, a tick every 1000 ms)";

fn main() -> ExitCode {
    let defaults = ServerArgs {
        listen: "127.0.0.1:7171".parse().expect("a valid default address"),
        every: Duration::from_secs(1),
    };
    let args = match parse_server(std::env::args_os().skip(1), defaults, true) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("push", USAGE, &message),
    };
    match listen(args.listen).and_then(|listener| serve(listener, args.every)) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("push: cannot serve on {}: {e}", args.listen);
            ExitCode::FAILURE
        }
    }
}

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Accepts clients forever, one thread each.
fn serve(listener: TcpListener, every: Duration) -> io::Result<std::convert::Infallible> {
    let mut pause = FIRST_PAUSE;
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept is about one connection, or a shortage that passes (out of
                // file descriptors): back off, twice as long after each failure in a row, and
                // keep serving (chapter 2 explains the pattern).
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        eprintln!("{peer} connected");
        let serve_client = move || match client(stream, peer, every) {
            Ok(lines) => eprintln!("{peer} done after {lines} lines"),
            Err(e) => eprintln!("{peer} gone: {e}"),
        };
        if let Err(e) = thread::Builder::new().spawn(serve_client) {
            // The closure, with the stream in it, was dropped: that connection is closed.
            eprintln!("no thread for {peer}: {e}");
        }
    }
}

/// The writing half of a connection, shared by the thread that answers and the one that
/// ticks. Each line is written whole while the lock is held.
type Writer = Arc<Mutex<TcpStream>>;

fn send_line(writer: &Writer, line: &str) -> io::Result<()> {
    let mut stream = writer.lock().unwrap_or_else(|p| p.into_inner());
    stream.write_all(format!("{line}\n").as_bytes())
}

// ANCHOR: client
/// Serves one client; returns how many lines it sent.
fn client(stream: TcpStream, peer: SocketAddr, every: Duration) -> io::Result<u64> {
    let writer: Writer = Arc::new(Mutex::new(stream.try_clone()?));

    // The server speaks first: the client has sent nothing yet.
    send_line(&writer, &format!("welcome, {peer}! I speak first."))?;

    // From now on the server also speaks unasked, on a thread of its own. Dropping
    // `stop` (on any return below) ends the ticking.
    let (stop, stopped) = mpsc::channel::<()>();
    let ticker = {
        let writer = writer.clone();
        thread::Builder::new().spawn(move || tick(&writer, &stopped, every))?
    };

    // Meanwhile this thread answers every line the client sends, until its EOF.
    let mut lines = 0;
    let mut reader = BufReader::new(&stream);
    let mut line = Vec::new();
    while reader.read_until(b'\n', &mut line)? > 0 {
        lines += 1;
        let text = String::from_utf8_lossy(&line);
        send_line(&writer, &format!("you said: {}", text.trim_end()))?;
        line.clear();
    }

    // EOF: the client has finished sending, but it is still listening (a half-close).
    drop(stop);
    let _ = ticker.join();
    let noun = if lines == 1 { "line" } else { "lines" };
    send_line(&writer, &format!("bye: you sent {lines} {noun}"))?;
    Ok(lines)
    // Returning drops both handles of the stream, which closes the connection.
}
// ANCHOR_END: client

// ANCHOR: tick
/// Sends `tick N` every `every`, until `stopped` says the client is done.
fn tick(writer: &Writer, stopped: &Receiver<()>, every: Duration) {
    for n in 1.. {
        // Waiting on the channel rather than sleeping ends the wait the moment the
        // client is done, instead of up to `every` later.
        match stopped.recv_timeout(every) {
            Err(RecvTimeoutError::Timeout) => {
                if send_line(writer, &format!("tick {n}")).is_err() {
                    return; // the client is gone
                }
            }
            _ => return,
        }
    }
}
// ANCHOR_END: tick
