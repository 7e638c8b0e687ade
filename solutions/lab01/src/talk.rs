//! `lab01 talk`: one connection, both directions at once.
//!
//! HTTP has a fixed order: the client speaks, the server answers. A socket has none. The
//! server may greet us before we say anything, push a line whenever it likes, and answer
//! three lines with one; meanwhile the user types when they like. So the two directions are
//! two independent loops, each blocked in its own `read`:
//!
//! - stdin → server runs on a thread of its own ([`send_lines`]);
//! - server → stdout runs on the main thread ([`print_lines`]), so that the program ends
//!   when the server closes the connection.
//!
//! When stdin ends, we *half-close*: `shutdown(Write)` sends FIN, which the server reads as
//! EOF, while our receiving side stays open for whatever the server still has to say.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, TcpStream};
use std::thread;

/// `lab01 talk ADDR`: connects, then talks until the server closes the connection.
pub fn run(addr: &str) -> io::Result<()> {
    // ADDR is HOST:PORT as typed: `127.0.0.1:7171`, `[::1]:7171` or `localhost:7171`. std's
    // connect resolves it and tries every address the name has, so a name, IPv4 and IPv6 all
    // work without a case of their own.
    talk(TcpStream::connect(addr)?)
}

/// Talks on `stream` until the server closes it. Returning ends the program, even while
/// the other thread is still blocked reading stdin: the conversation is over when the
/// server says so, not when the user stops typing.
pub fn talk(stream: TcpStream) -> io::Result<()> {
    // A second handle on the same socket: one thread writes through it while this one reads.
    let sending = stream.try_clone()?;
    thread::Builder::new()
        .name("stdin to server".into())
        .spawn(move || {
            if let Err(e) = send_lines(io::stdin().lock(), &sending) {
                // The server went away while we were sending. The main thread sees the
                // same when it reads, and ends the program.
                eprintln!("lab01: sending stopped: {e}");
            }
        })?;
    print_lines(&stream, &mut io::stdout())
}

/// Sends each line of `input` as soon as it is read, then half-closes.
pub fn send_lines(mut input: impl BufRead, mut to: &TcpStream) -> io::Result<()> {
    let mut line = Vec::new();
    loop {
        line.clear();
        // read_until keeps the bytes as they are: a line need not be valid UTF-8.
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        to.write_all(&line)?;
    }
    // EOF on stdin: we have nothing more to say. Shutdown(Write), not Both, and not close:
    // the server reads EOF, and may still answer.
    to.shutdown(Shutdown::Write)
}

/// Prints each line from `from` as soon as it arrives, until the server closes.
pub fn print_lines(from: &TcpStream, out: &mut impl Write) -> io::Result<()> {
    let mut from = BufReader::new(from);
    let mut line = Vec::new();
    loop {
        line.clear();
        // 0 bytes means EOF: the server closed its side. A last line without a newline
        // still comes back here first.
        if from.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        out.write_all(&line)?;
        // A line must reach the screen (or the pipe) now, not when some buffer fills up or
        // the program exits. Today's stdout writes out each whole line by itself, but its
        // documentation promises that only for a terminal, and the last line may have no
        // newline at all: flush.
        out.flush()?;
    }
}
