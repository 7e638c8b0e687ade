//! Bug: prints the status line on stdout, before the body.
//!
//! It is what a human wants to see first, so it goes out with `println!`. stdout is for the
//! body alone, so that `lab01 get URL > file` saves exactly what the server sent; the status
//! line goes to stderr. Caught by `get_reports_the_status_line` and
//! `get_prints_the_body_byte_for_byte`.
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
    use std::io::{self, Read, Write};

    use lab_support::lab01::Url;

    use crate::head::{self, Head};
    use crate::{body, request};
    pub use lab01_solution::get::connect;

    /// The mistake: `println!` where `eprintln!` was meant.
    pub fn fetch(url: &Url) -> io::Result<Head> {
        let mut stream = connect(url)?;
        stream.write_all(request::request(url).as_bytes())?;
        let (head, start) = final_head(&mut stream)?;
        println!("{}", head.status_line);
        let length = head::body_length(&head)?;
        body::copy_body(&mut stream, &start, length, &mut io::stdout().lock())?;
        Ok(head)
    }

    /// As in the reference: past any interim (1xx) responses to the final one.
    fn final_head(stream: &mut impl Read) -> io::Result<(Head, Vec<u8>)> {
        let mut start = Vec::new();
        loop {
            let (raw, rest) = head::read_head(stream, start)?;
            let parsed = head::parse_head(&raw)?;
            if !head::is_interim(parsed.status) {
                return Ok((parsed, rest));
            }
            start = rest;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
