//! Classic bug: sends no `Host` header.
//!
//! HTTP/1.0 did without it, and a server with one site may not care. HTTP/1.1 requires it
//! (RFC 9112 §3.2): one address serves many sites, and the server picks the site by this header
//! (a strict server answers 400 Bad Request). Caught by `get_sends_the_host_header`.
//!
//! This program is the reference solution with its `request` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod request {
    use lab_support::lab01::Url;

    /// The mistake: no Host line at all.
    pub fn request(url: &Url) -> String {
        format!("GET {} HTTP/1.1\r\nConnection: close\r\n\r\n", url.path)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
