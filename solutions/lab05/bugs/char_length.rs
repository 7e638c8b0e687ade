//! Classic bug: Content-Length counted in characters, not bytes.
//!
//! The file is read as text and its length taken with `chars().count()`. For ASCII that is
//! the same number; for "안녕" it is 2 instead of 6, and for a PNG it is anything. The client
//! stops reading early, and the rest of the body is taken for the next response. Caught by
//! `serves_index_exactly`, whose index.html has Korean text in it; every other check it
//! breaks names the same root cause.
//!
//! This program is the reference solution with its `response` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/reader.rs"]
mod reader;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod response {
    use std::fs;
    use std::io;
    use std::path::Path;

    use lab_support::lab05::tables::content_type;
    pub use lab05_solution::response::{Body, Response, write};

    /// The mistake: the length of the text, in characters.
    pub fn file_response(path: &Path) -> io::Result<Response> {
        let bytes = fs::read(path)?;
        let characters = String::from_utf8_lossy(&bytes).chars().count();
        Ok(Response {
            status: 200,
            headers: vec![("Content-Type", content_type(path).to_string())],
            content_length: characters as u64,
            body: Body::Bytes(bytes),
        })
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
