//! Classic bug: ends the request's lines with `\n` instead of `\r\n`.
//!
//! Many servers forgive it, so it "works" against them; the standard requires CR LF, and a
//! strict server waits for a `\r\n\r\n` that never comes. Caught by
//! `get_frames_the_request_with_crlf`.
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

    /// The mistake: `\n` where `\r\n` was meant.
    pub fn request(url: &Url) -> String {
        let host = if url.port_given {
            format!("{}:{}", url.host, url.port)
        } else {
            url.host.clone()
        };
        format!(
            "GET {} HTTP/1.1\nHost: {host}\nConnection: close\n\n",
            url.path
        )
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
