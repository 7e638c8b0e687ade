//! Classic bug: ignores Content-Length and reads until the server closes.
//!
//! Against a server that closes after the response, as `Connection: close` asks, it works. A
//! server may keep the connection open anyway, and then the client waits forever; bytes after
//! the body would be printed as if they were part of it. Caught by
//! `get_stops_at_content_length`.
//!
//! This program is the reference solution with its `body` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod body {
    use std::io::{self, Read, Write};

    /// The mistake: the length is never looked at.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        _content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        out.write_all(start)?;
        io::copy(stream, out)?;
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
