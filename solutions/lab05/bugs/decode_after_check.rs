//! Classic bug: checks the path for `..` first and percent-decodes it afterwards.
//!
//! The check sees `%2e%2e` and lets it pass; the file system sees the `..` it decodes to.
//! This is the shape of Apache httpd's CVE-2021-41773. Caught by
//! `traversal_never_escapes_root`, which sends `/%2e%2e/` among its forms.

use std::path::{Path, PathBuf};

use lab05_solution::files::percent_decode;
use lab05_solution::{Parts, REFERENCE};

fn check_then_decode(root: &Path, target: &str) -> Result<PathBuf, u16> {
    let path = target.split('?').next().unwrap_or("");
    // The check looks careful, but it looks at the wrong bytes.
    if path.split('/').any(|segment| segment == "..") || path.contains('\\') {
        return Err(403);
    }
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
        resolve: check_then_decode,
        ..REFERENCE
    })
}
