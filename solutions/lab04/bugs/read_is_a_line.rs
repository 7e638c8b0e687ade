//! Classic bug: treats each read() as one line.
//!
//! It works when you type into nc: every line you type arrives in a read of its own. But TCP
//! keeps no message boundaries. A line sent in pieces becomes several "lines", and several
//! lines sent in one write become one "line" with newlines inside it. Caught by
//! `delivers_a_line_sent_in_pieces_once` and `delivers_several_lines_from_one_write`.

use std::io;

use lab04_solution::{Line, LineReader, Parts, REFERENCE};
use tokio::io::AsyncReadExt;

async fn read_once(reader: &mut LineReader) -> io::Result<Line> {
    let mut buf = vec![0u8; 8 * 1024];
    let n = reader.read(&mut buf).await?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    let text = String::from_utf8_lossy(&buf[..n]);
    Ok(Line::Text(text.trim_end_matches(['\n', '\r']).to_string()))
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        read_line: |reader| Box::pin(read_once(reader)),
        ..REFERENCE
    })
}
