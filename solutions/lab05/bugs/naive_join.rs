//! Classic bug: joins the URL path to the root without checking for `..`.
//!
//! `root.join("../secret.txt")` is a path outside the root, and the file system follows the
//! `..` faithfully. Caught by `traversal_never_escapes_root`, which asks for a file placed
//! just outside the root with `/../` and its encoded forms.
//!
//! This program is the reference solution with its `files` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
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
#[path = "../src/target.rs"]
mod target;

mod files {
    use std::path::{Path, PathBuf};

    use lab05_solution::files::percent_decode;

    /// The mistake: decode, then join, and trust the file system to stay inside the root.
    pub fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
        let path = target.split('?').next().unwrap_or("");
        let decoded = percent_decode(path).ok_or(400u16)?;
        let decoded = String::from_utf8_lossy(&decoded).into_owned();
        let mut file = root.join(decoded.trim_start_matches('/'));
        if file.is_dir() {
            file.push("index.html");
        }
        if file.is_file() { Ok(file) } else { Err(404) }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
