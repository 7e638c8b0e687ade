//! `join ROOT TARGET...`: what naive code does with a request target.
//!
//! For each target it prints the target, what percent-decoding makes of it, and the path
//! `Path::join` builds from the root and the decoded path without its leading '/'. It opens
//! nothing: it shows why a server must check the decoded path before it touches the disk.

use std::path::Path;
use std::process::ExitCode;

use ch05_examples::{percent_decode, utf8_args};

const USAGE: &str = "usage: join ROOT TARGET...   (for example: join /srv/www /../etc/passwd)";

fn main() -> ExitCode {
    let args = match utf8_args(std::env::args_os().skip(1)) {
        Ok(args) if args.len() >= 2 => args,
        Ok(_) => {
            eprintln!("join: give a root and at least one target\n{USAGE}");
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("join: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(&args[0]);
    println!("{:<24} {:<22} root.join(decoded)", "target", "decoded");
    for target in &args[1..] {
        // ANCHOR: naive
        let path = target.split('?').next().unwrap_or("");
        let Some(decoded) = percent_decode(path) else {
            println!("{target:<24} (a broken %-escape: 400)");
            continue;
        };
        let decoded = String::from_utf8_lossy(&decoded).into_owned();
        let joined = root.join(decoded.strip_prefix('/').unwrap_or(&decoded));
        // ANCHOR_END: naive
        println!("{target:<24} {decoded:<22} {}", joined.display());
    }
    ExitCode::SUCCESS
}
