//! Classic bug: looks for the `Content-Length` header with its name in one spelling.
//!
//! Header names are case-insensitive (RFC 9110 §5.1), and `content-length: 38` is a body of
//! 38 bytes. This server does not see it, keeps the connection open and reads the body as
//! the next request: request smuggling with nothing but lowercase letters. Caught by
//! `request_body_is_never_a_request`.
//!
//! This program is the reference solution with its `framing` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
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

mod framing {
    pub fn body_follows(headers: &[(String, String)]) -> Result<bool, u16> {
        let mut length = 0u64;
        let mut encoded = false;
        for (name, value) in headers {
            // The mistake: `==` on the header's name.
            if name == "Content-Length" {
                length = value.parse().map_err(|_| 400u16)?;
            } else if name == "Transfer-Encoding" {
                encoded = true;
            }
        }
        Ok(encoded || length > 0)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
