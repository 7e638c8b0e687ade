//! Classic bug: reads lines into a `String`.
//!
//! `read_line` (like `lines()`) insists on UTF-8 and fails with InvalidData on anything else.
//! The error ends the client's connection: one stray byte, and a client is thrown out of
//! the chat. Caught by `replaces_invalid_utf8`.

use std::io;

use lab04_solution::lines::MAX_LINE;
use lab04_solution::{Line, LineReader, Parts, REFERENCE};
use tokio::io::{AsyncBufReadExt, AsyncReadExt};

async fn read_line_as_string(reader: &mut LineReader) -> io::Result<Line> {
    let mut text = String::new();
    let n = (&mut *reader)
        .take(MAX_LINE as u64 + 1)
        .read_line(&mut text)
        .await?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if !text.ends_with('\n') && text.len() > MAX_LINE {
        return Ok(Line::TooLong);
    }
    Ok(Line::Text(text.trim_end_matches(['\n', '\r']).to_string()))
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        read_line: |reader| Box::pin(read_line_as_string(reader)),
        ..REFERENCE
    })
}
