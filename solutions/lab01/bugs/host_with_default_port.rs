//! Bug: always writes the port into `Host`, also when the URL named none.
//!
//! `http://example.com/` becomes `Host: example.com:80`. Host is the URL's authority as written
//! (RFC 9112 §3.2), and the contract says to repeat the port only when the URL gave one. Caught
//! by `get_uses_port_80_by_default` (where port 80 can be listened on).
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

    /// The mistake: `host:port` whatever the URL said.
    pub fn request(url: &Url) -> String {
        format!(
            "GET {} HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n",
            url.path, url.host, url.port
        )
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
