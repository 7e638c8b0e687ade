//! The whole program: read the arguments, open the socket, announce it, serve. Every way it
//! can end is a message and an exit code, never a panic.

use std::process::ExitCode;

use lab_support::lab02 as cli;

use crate::{listener, server};

pub fn main() -> ExitCode {
    let listen = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve { listen }) => listen,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab02: {message}");
            return ExitCode::from(2);
        }
    };
    let result = listener::open(listen)
        .and_then(|listener| server::announce(&listener).map(|()| listener))
        .and_then(server::serve);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab02: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
