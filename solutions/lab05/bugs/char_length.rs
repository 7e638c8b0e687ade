//! Classic bug: Content-Length counted in characters, not bytes.
//!
//! The file is read as text and its length taken with `chars().count()`. For ASCII that is
//! the same number; for "안녕" it is 2 instead of 6, and for a PNG it is anything. The client
//! stops reading early, and the rest of the body is taken for the next response. Caught by
//! `serves_index_exactly`, whose index.html has Korean text in it.

use std::fs;
use std::io;
use std::path::Path;

use lab05_solution::response::{Body, Response};
use lab05_solution::tables::content_type;
use lab05_solution::{Parts, REFERENCE};

fn length_in_characters(path: &Path) -> io::Result<Response> {
    let bytes = fs::read(path)?;
    let characters = String::from_utf8_lossy(&bytes).chars().count();
    Ok(Response {
        status: 200,
        headers: vec![("Content-Type", content_type(path).to_string())],
        content_length: characters as u64,
        body: Body::Bytes(bytes),
    })
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        file_response: length_in_characters,
        ..REFERENCE
    })
}
