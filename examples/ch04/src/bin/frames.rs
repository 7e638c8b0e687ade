//! `frames`: shows how the bytes a client sends arrive, and how they become lines.
//!
//! Usage: `frames [--listen ADDR]` (default 127.0.0.1:7070).
//!
//! For every client it prints each `read()` as it happens (`read 3 bytes: "hel"`) and each
//! line it cuts from those reads (`line: "hello"`). Send it a line in pieces, or several
//! lines at once, and watch the two differ: TCP keeps the bytes in order, but not the
//! boundaries of the writes that sent them. A client that is silent for 30 s is closed,
//! which is what `tokio::select!` is for here.
//!
//! The reads are seen in `poll_read`, which must only check and return: a `println!` there
//! would be a blocking write to stdout inside the runtime's machinery. So every line of the
//! log goes to `ch04_examples::Log`, which queues it without waiting and writes it from a
//! thread of its own.

use std::net::SocketAddr;
use std::pin::Pin;
use std::process::ExitCode;
use std::task::{Context, Poll};
use std::time::Duration;

use ch04_examples::{Command, Log, parse_server, usage_error};
use tokio::io::{self, AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

const USAGE: &str = "frames [--listen ADDR]   (default 127.0.0.1:7070)";

/// How long a client may stay silent before it is closed.
const IDLE: Duration = Duration::from_secs(30);

#[tokio::main]
async fn main() -> ExitCode {
    let listen = match parse_server(std::env::args_os().skip(1)) {
        Ok(Command::Run(listen)) => listen,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("frames", USAGE, &message),
    };
    let log = Log::start();
    match serve(listen, log.clone()).await {
        Ok(never) => match never {},
        Err(e) => {
            log.flush();
            eprintln!("frames: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

async fn serve(listen: SocketAddr, log: Log) -> std::io::Result<std::convert::Infallible> {
    let listener = TcpListener::bind(listen).await?;
    log.say(format!("listening on {}", listener.local_addr()?));
    let mut pause = FIRST_PAUSE;
    loop {
        // A failed accept is about one connection, or a shortage that passes: back off and
        // try again, never end the server (chapter 2, "Accept").
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                log.say(format!("accept failed: {e}; next try in {pause:?}"));
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        let log = log.clone();
        tokio::spawn(async move {
            if let Err(e) = show_lines(stream, peer, &log).await {
                log.say(format!("{peer}: {e}"));
            }
        });
    }
}

// ANCHOR: read-line
/// The longest line we accept, without its `\n` or `\r\n`.
const MAX_LINE: usize = 8 * 1024;

/// What reading the next line found.
#[derive(Debug)]
enum Line {
    Text(String),
    TooLong,
    Eof,
}

/// Reads the next line from a buffered reader: at most MAX_LINE bytes, up to its `\n`.
async fn read_line<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> io::Result<Line> {
    let mut bytes = Vec::new();
    // read_until reads until it has seen a \n, however many reads that takes, and keeps
    // what came after the \n in the BufReader for next time. take() stops it where even
    // the longest line would have ended (MAX_LINE bytes, then \r\n), so a client that
    // never sends a \n cannot make us buffer without end.
    let n = (&mut *reader)
        .take(MAX_LINE as u64 + 2)
        .read_until(b'\n', &mut bytes)
        .await?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    // The ending is the \n and one \r before it; every other byte is the client's.
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    if bytes.len() > MAX_LINE {
        return Ok(Line::TooLong);
    }
    // Only now, with the whole line here, do bytes become text; bytes that are not
    // UTF-8 become U+FFFD instead of an error.
    Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
}
// ANCHOR_END: read-line

// ANCHOR: select
/// Prints every read and every line of one client, until it leaves or stays silent too long.
async fn show_lines(stream: TcpStream, peer: SocketAddr, log: &Log) -> io::Result<()> {
    let mut reader = BufReader::new(Logged {
        inner: stream,
        peer,
        log: log.clone(),
    });
    loop {
        // select! polls both futures and runs the branch of the first one to finish; the
        // other one is dropped. Dropping a half-read line is fine here: we are closing.
        tokio::select! {
            line = read_line(&mut reader) => match line? {
                Line::Text(text) => log.say(format!("{peer}: line: {text:?}")),
                Line::TooLong => {
                    log.say(format!("{peer}: line longer than {MAX_LINE} bytes, closing"));
                    return Ok(());
                }
                Line::Eof => {
                    log.say(format!("{peer}: EOF"));
                    return Ok(());
                }
            },
            () = tokio::time::sleep(IDLE) => {
                log.say(format!("{peer}: silent for {} s, closing", IDLE.as_secs()));
                return Ok(());
            }
        }
    }
}
// ANCHOR_END: select

/// A reader that logs what each read returned, so the reads can be seen.
struct Logged {
    inner: TcpStream,
    peer: SocketAddr,
    log: Log,
}

impl AsyncRead for Logged {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = poll {
            let got = &buf.filled()[before..];
            let text = String::from_utf8_lossy(got);
            // Queued, not written: poll_read must never wait.
            self.log
                .say(format!("{}: read {} bytes: {text:?}", self.peer, got.len()));
        }
        poll
    }
}
