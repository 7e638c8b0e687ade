//! Classic bug: `talk` prints through a `BufWriter` that is flushed only at the end.
//!
//! Wrapping stdout in a BufWriter is good advice for a program that prints a lot and then
//! exits. For a conversation it is wrong: the server's lines sit in the buffer, and the user
//! sees them all at once when the connection ends. Caught by
//! `talk_prints_each_pushed_line_as_it_arrives`.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::net::TcpStream;
use std::thread;

use lab01_solution::talk::send_lines;
use lab01_solution::{Parts, REFERENCE};

fn talk_buffered(stream: TcpStream) -> io::Result<()> {
    let sending = stream.try_clone()?;
    thread::spawn(move || send_lines(io::stdin().lock(), &sending));
    let mut out = BufWriter::new(io::stdout().lock());
    let mut from = BufReader::new(&stream);
    let mut line = Vec::new();
    while from.read_until(b'\n', &mut line)? > 0 {
        out.write_all(&line)?;
        line.clear();
    }
    out.flush()
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        talk: talk_buffered,
        ..REFERENCE
    })
}
