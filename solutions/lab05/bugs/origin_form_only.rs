//! Classic bug: only the origin form of a request target is accepted.
//!
//! A target that does not start with `/` gets 400, so `GET http://host/index.html HTTP/1.1`
//! (the absolute form, which clients send to proxies) is refused. RFC 9112 §3.2.2 says a
//! server MUST accept it, and serve the path it names. Caught by
//! `absolute_form_targets_are_served`.
//!
//! This program is the reference solution with its `target` module replaced by the one below;
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
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;

// The reference's target module, for the part this variant gets right.
#[allow(dead_code)]
#[path = "../src/target.rs"]
mod reference_target;

mod target {
    pub use crate::reference_target::check_host;

    /// The mistake: a target is a path starting with '/', and nothing else.
    pub fn origin_form(target: &[u8]) -> Result<String, u16> {
        if !target.starts_with(b"/") || !target.iter().all(|b| (0x21..=0x7e).contains(b)) {
            return Err(400);
        }
        Ok(String::from_utf8_lossy(target).into_owned())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
