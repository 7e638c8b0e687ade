//! Classic bug: unwraps on malformed input.
//!
//! The parser assumes every request is well formed: UTF-8, three parts on the request line,
//! a colon in every header. Garbage makes it panic; the connection's thread dies without an
//! answer, and the panic is all over stderr. Caught by `bad_requests_get_400` and
//! `survives_bad_input`.
//!
//! This program is the reference solution with its `request` module replaced by the one below;
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
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod request {
    pub use lab05_solution::request::{Request, Version};

    use crate::framing::body_follows;

    /// The mistake: every `unwrap()` is a way for a client to kill the thread.
    pub fn parse(head: &[u8]) -> Result<Request, u16> {
        let text = std::str::from_utf8(head).unwrap();
        let mut lines = text.lines();
        let mut parts = lines.next().unwrap().split(' ');
        let method = parts.next().unwrap().to_string();
        let target = crate::target::origin_form(parts.next().unwrap().as_bytes())?;
        let version = match parts.next().unwrap() {
            "HTTP/1.0" => Version::Http10,
            v if v.starts_with("HTTP/1.") => Version::Http11,
            _ => return Err(505),
        };
        let mut headers = Vec::new();
        for line in lines.take_while(|l| !l.is_empty()) {
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.to_string(), value.trim().to_string()));
        }
        crate::target::check_host(&headers, version == Version::Http11)?;
        let has_body = body_follows(&headers)?;
        Ok(Request {
            method,
            target,
            version,
            headers,
            has_body,
        })
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
