//! The whole program: read the arguments, start the runtime, listen, announce, serve. Every
//! way it can end is a message and an exit code, never a panic.

use std::io;
use std::process::ExitCode;

use lab_support::lab04 as cli;

use crate::chat::Chat;
use crate::server;

pub fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab04: {message}");
            return ExitCode::from(2);
        }
    };
    // This is what `#[tokio::main]` writes for you: a multi-threaded runtime, with one
    // worker thread per CPU core, and its I/O and timer drivers switched on. Written out, it
    // shows that the runtime is an ordinary value, and that main still returns an ExitCode.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lab04: cannot start the tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab04: cannot serve on {}: {e}", config.listen);
            ExitCode::FAILURE
        }
    }
}

async fn run(config: cli::Config) -> io::Result<()> {
    let listener = server::open(config.listen).await?;
    server::announce(&listener)?;
    server::serve(listener, Chat::new(), config.idle).await
}
