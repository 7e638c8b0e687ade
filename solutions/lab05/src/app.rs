//! The whole program: read the arguments, listen, announce, serve. Every way it can end is
//! a message and an exit code, never a panic.

use std::process::ExitCode;
use std::sync::Arc;

use lab_support::lab05 as cli;

use crate::{listener, server};

pub fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab05: {message}");
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    let result = listener::open(listen)
        .and_then(|listener| listener::announce(&listener).map(|()| listener))
        .and_then(|listener| server::serve(listener, Arc::new(config)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab05: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
