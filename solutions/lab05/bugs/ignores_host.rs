//! Classic bug: the Host header is not checked.
//!
//! The server serves one site, so it never looks at Host: a request without one, with two,
//! or with `Host: exa mple.com` is served like any other. RFC 9112 §3.2 says a server MUST
//! answer 400 to an HTTP/1.1 request without Host, and to any request with more than one
//! Host line or an invalid one: a proxy in front of the server and the server itself could
//! read such a request as meant for different sites. Caught by
//! `host_must_be_present_once_and_valid`.
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
    pub use crate::reference_target::origin_form;

    /// The mistake: any Host, or none, or several, is fine.
    pub fn check_host(_headers: &[(String, String)], _http11: bool) -> Result<(), u16> {
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
