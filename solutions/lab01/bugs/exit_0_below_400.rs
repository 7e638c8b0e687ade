//! Bug: exits 0 for every status below 400.
//!
//! "Errors are 4xx and 5xx" forgets the 3xx class: a redirect is not the page that was asked
//! for, and the contract says 0 for 2xx only. Caught by `get_exits_1_on_any_other_status`.
//!
//! This program is the reference solution with its `head` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod head {
    pub use lab01_solution::head::{
        Head, body_length, is_interim, malformed, parse_head, read_head,
    };

    /// The mistake: `< 400` where `200..300` was meant.
    pub fn is_success(status: u16) -> bool {
        status < 400
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
