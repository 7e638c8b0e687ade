//! Bug: takes the first response for the final one, a `103 Early Hints` included.
//!
//! The client sent one request, so it reads one response: the first head that comes. But a
//! 1xx response is interim (RFC 9110 §15.2): `100 Continue`, `103 Early Hints`. It has no
//! body and is not the answer; the final response follows on the same connection, and a
//! client must read past any number of interim ones. This program reports the 103's status
//! line, prints no body and exits 1, while the server's 200 and its body go unread. Caught by
//! `get_skips_interim_responses`.
//!
//! This program is the reference solution with its `get` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod get {
    use std::io::{self, Write};

    use lab_support::lab01::Url;

    use crate::head::{self, Head};
    use crate::{body, request};
    pub use lab01_solution::get::connect;

    /// The mistake: one head read, whatever its status.
    pub fn fetch(url: &Url) -> io::Result<Head> {
        let mut stream = connect(url)?;
        stream.write_all(request::request(url).as_bytes())?;
        let (raw, start) = head::read_head(&mut stream, Vec::new())?;
        let head = head::parse_head(&raw)?;
        eprintln!("{}", head.status_line);
        let length = head::body_length(&head)?;
        body::copy_body(&mut stream, &start, length, &mut io::stdout().lock())?;
        Ok(head)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
