//! Bug: a URL without a port goes to port 8080.
//!
//! Every test server in sight listens on 8080 or 8081, so the default "works" in class; HTTP's
//! port is 80 when the URL names none (RFC 9110 §4.2.1). Caught by `get_uses_port_80_by_default`
//! (where port 80 can be listened on).
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

    /// The reference's reader, then the mistake: 8080 where the URL named no port.
    pub fn parse(text: &str) -> Result<Url, String> {
        let mut url = lab01_solution::url::parse(text)?;
        if !url.port_given {
            url.port = 8080;
        }
        Ok(url)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
