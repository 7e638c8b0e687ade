//! The whole program: read the arguments, run the command, and turn what happened into an
//! exit code. Every way it can end is a message and an exit code, never a panic.

use std::process::ExitCode;

use lab_support::lab01 as cli;

use crate::{get, head, talk, url};

pub fn main() -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Get { url }) => get(&url),
        Ok(cli::Command::Talk { addr }) => match talk::run(&addr) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("lab01: talk {addr}: {e}");
                ExitCode::from(2)
            }
        },
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("lab01: {message}\n{}", cli::USAGE);
            ExitCode::from(2)
        }
    }
}

/// `lab01 get URL`. The exit code sums up what happened: 0 for a 2xx status, 1 for any other
/// status (the server answered, with bad news), 2 when there is no whole response to judge:
/// a bad URL, no connection, a response that is not HTTP or that ended too soon.
fn get(text: &str) -> ExitCode {
    let url = match url::parse(text) {
        Ok(url) => url,
        Err(message) => {
            eprintln!("lab01: {message}");
            return ExitCode::from(2);
        }
    };
    match get::fetch(&url) {
        Ok(head) if head::is_success(head.status) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("lab01: get {text}: {e}");
            ExitCode::from(2)
        }
    }
}
