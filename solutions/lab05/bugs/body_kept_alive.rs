//! Classic bug: keeps the connection open after a request with a body it did not read.
//!
//! The server reads no bodies, which is fine if it closes the connection after answering.
//! This one keeps it open, so the body is read as the next request: a POST whose body is
//! `GET /docs/guide.txt HTTP/1.1 ...` gets two answers, the second to a request the client
//! never made. That is request smuggling. Caught by `request_body_is_never_a_request`.
//!
//! This program is the reference solution with its `keep_alive` module replaced by the one below;
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
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/reader.rs"]
mod reader;
#[path = "../src/request.rs"]
mod request;
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

mod keep_alive {
    use crate::request::{Request, Version};

    pub fn keep_alive(request: &Request) -> bool {
        let close = request
            .headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("connection"))
            .flat_map(|(_, value)| value.split(','))
            .any(|option| option.trim().eq_ignore_ascii_case("close"));
        // The mistake: `request.has_body` is not looked at.
        request.version == Version::Http11 && !close
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
