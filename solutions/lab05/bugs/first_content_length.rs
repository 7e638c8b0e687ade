//! Classic bug: believes the first of two `Content-Length` headers.
//!
//! `Content-Length: 0` followed by `Content-Length: 41` is a message whose length depends
//! on who reads it. A proxy that believes the last one and a server that believes the first
//! disagree about where the next request starts, which is the oldest form of request
//! smuggling; RFC 9112 §6.3 requires a 400. Caught by `conflicting_framing_gets_400`.
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
        let mut length: Option<u64> = None;
        let mut encoded = false;
        for (name, value) in headers {
            if name.eq_ignore_ascii_case("content-length") {
                let n: u64 = value.parse().map_err(|_| 400u16)?;
                // The mistake: a second Content-Length is ignored, whatever it says.
                length.get_or_insert(n);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                encoded = true;
            }
        }
        Ok(encoded || length.unwrap_or(0) > 0)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
