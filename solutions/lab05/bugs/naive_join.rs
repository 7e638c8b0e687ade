//! Classic bug: joins the URL path to the root without checking for `..`.
//!
//! `root.join("../secret.txt")` is a path outside the root, and the file system follows the
//! `..` faithfully. Caught by `traversal_never_escapes_root`, which asks for a file placed
//! just outside the root with `/../` and its encoded forms.

use std::path::{Path, PathBuf};

use lab05_solution::files::percent_decode;
use lab05_solution::{Parts, REFERENCE};

fn join_without_checking(root: &Path, target: &str) -> Result<PathBuf, u16> {
    let path = target.split('?').next().unwrap_or("");
    let decoded = percent_decode(path).ok_or(400u16)?;
    let decoded = String::from_utf8_lossy(&decoded).into_owned();
    let mut file = root.join(decoded.trim_start_matches('/'));
    if file.is_dir() {
        file.push("index.html");
    }
    if file.is_file() { Ok(file) } else { Err(404) }
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        resolve: join_without_checking,
        ..REFERENCE
    })
}
