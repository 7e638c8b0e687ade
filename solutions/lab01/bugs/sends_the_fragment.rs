//! Bug: sends the URL's `#fragment` in the request line.
//!
//! The fragment names a place inside the page, for the browser; it is never sent
//! (RFC 9112 §3.2: the request target is the path and query). Caught by
//! `get_sends_the_request_line`.
//!
//! This program is the reference solution with its `url` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;

mod url {
    use lab_support::lab01::Url;

    /// The reference's reader, then the mistake: the fragment put back on the path.
    pub fn parse(text: &str) -> Result<Url, String> {
        let mut url = lab01_solution::url::parse(text)?;
        if let Some((_, fragment)) = text.split_once('#') {
            url.path = format!("{}#{fragment}", url.path);
        }
        Ok(url)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
