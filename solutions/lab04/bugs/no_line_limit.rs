//! Classic bug: no limit on the length of a line.
//!
//! `read_until(b'\n')` keeps reading until it sees a newline. A client that never sends one
//! makes the server buffer everything it sends: one client can use up the server's memory.
//! Caught by `disconnects_only_the_sender_of_a_line_over_8_kib`.

use std::io;

use lab04_solution::{Line, LineReader, Parts, REFERENCE};
use tokio::io::AsyncBufReadExt;

async fn read_line_without_limit(reader: &mut LineReader) -> io::Result<Line> {
    let mut bytes = Vec::new();
    if reader.read_until(b'\n', &mut bytes).await? == 0 {
        return Ok(Line::Eof);
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(Line::Text(text.trim_end_matches(['\n', '\r']).to_string()))
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        read_line: |reader| Box::pin(read_line_without_limit(reader)),
        ..REFERENCE
    })
}
