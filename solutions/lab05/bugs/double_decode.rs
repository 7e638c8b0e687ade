//! Classic bug: decodes the path once to check it, and once more to open the file.
//!
//! The segments are decoded and checked for `..` like the reference does, but the path is
//! then built from the *encoded* segments and decoded a second time when it is joined. So
//! `/%252e%252e/secret.txt` passes the check as `%2e%2e` and reaches the file system as
//! `..`. That is CVE-2021-42013, the hole Apache httpd 2.4.50 left open while fixing
//! CVE-2021-41773. Caught by `traversal_never_escapes_root`, which sends double-encoded
//! forms.
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

    pub fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
        let path = target.split(['?', '#']).next().unwrap_or("");
        let once = percent_decode(path).ok_or(400u16)?;
        let once = String::from_utf8(once).map_err(|_| 404u16)?;
        let mut file = root.to_path_buf();
        for segment in once.split('/') {
            match segment {
                "" | "." => continue,
                ".." => return Err(403),
                s if s.contains(['\\', '\0']) => return Err(403),
                // The mistake: the checked segment is decoded once more on its way to the
                // file system (a helper that "makes sure" the name is decoded).
                s => {
                    let twice = percent_decode(s).ok_or(400u16)?;
                    file.push(String::from_utf8_lossy(&twice).as_ref());
                }
            }
        }
        if file.is_dir() {
            file.push("index.html");
        }
        if file.is_file() { Ok(file) } else { Err(404) }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
