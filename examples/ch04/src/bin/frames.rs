//! `frames`: shows how the bytes a client sends arrive, and how they become lines.
//!
//! Usage: `frames [--listen ADDR]` (default 127.0.0.1:7070).
//!
//! For every client it prints each `read()` as it happens (`read 3 bytes: "hel"`) and each
//! line it cuts from those reads (`line: "hello"`). Send it a line in pieces, or several
//! lines at once, and watch the two differ: TCP keeps the bytes in order, but not the
//! boundaries of the writes that sent them. A client that is silent for 30 s is closed,
//! which is what `tokio::select!` is for here.

use std::io::Write;
use std::net::SocketAddr;
use std::pin::Pin;
use std::process::ExitCode;
use std::task::{Context, Poll};
use std::time::Duration;

use ch04_examples::{Command, parse_server, usage_error};
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
    match serve(listen).await {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("frames: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(listen: SocketAddr) -> std::io::Result<std::convert::Infallible> {
    let listener = TcpListener::bind(listen).await?;
    println!("listening on {}", listener.local_addr()?);
    std::io::stdout().flush()?;
    loop {
        let (stream, peer) = listener.accept().await?;
        tokio::spawn(async move {
            if let Err(e) = show_lines(stream, peer).await {
                println!("{peer}: {e}");
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
async fn show_lines(stream: TcpStream, peer: SocketAddr) -> io::Result<()> {
    let mut reader = BufReader::new(Logged {
        inner: stream,
        peer,
    });
    loop {
        // select! polls both futures and runs the branch of the first one to finish; the
        // other one is dropped. Dropping a half-read line is fine here: we are closing.
        tokio::select! {
            line = read_line(&mut reader) => match line? {
                Line::Text(text) => println!("{peer}: line: {text:?}"),
                Line::TooLong => {
                    println!("{peer}: line longer than {MAX_LINE} bytes, closing");
                    return Ok(());
                }
                Line::Eof => {
                    println!("{peer}: EOF");
                    return Ok(());
                }
            },
            () = tokio::time::sleep(IDLE) => {
                println!("{peer}: silent for {} s, closing", IDLE.as_secs());
                return Ok(());
            }
        }
    }
}
// ANCHOR_END: select

/// A reader that prints what each read returned, so the reads can be seen.
struct Logged {
    inner: TcpStream,
    peer: SocketAddr,
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
            println!("{}: read {} bytes: {text:?}", self.peer, got.len());
        }
        poll
    }
}
