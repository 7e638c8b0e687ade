//! The whole program: read the arguments, then send, receive or echo. Every way it can end
//! is a message and an exit code, never a panic.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;

use lab_support::lab03 as cli;

use crate::{echo, recv, send, socket};

pub fn main() -> ExitCode {
    let command = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(command) => command,
        Err(message) => {
            eprintln!("lab03: {message}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match command {
        cli::Command::Send { to, from, messages } => {
            let sent = socket::bind(from).and_then(|socket| send::send(&socket, to, &messages));
            match sent {
                Ok(sent) => {
                    println!(
                        "sent {} datagrams ({} bytes) to {to}",
                        sent.datagrams, sent.bytes
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("lab03: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        cli::Command::Recv { listen, count } => {
            serve(listen, |socket| recv::receive(socket, count))
        }
        cli::Command::Echo { listen } => serve(listen, echo::echo),
        cli::Command::Help => unreachable!("handled above"),
    }
}

/// Binds `listen`, announces the address, and runs `work` on the socket. An error that ends
/// the program (the address is in use, say) becomes one line on stderr.
fn serve(listen: SocketAddr, work: impl FnOnce(&UdpSocket) -> io::Result<()>) -> ExitCode {
    let result = socket::bind(listen).and_then(|socket| {
        socket::announce(&socket)?;
        work(&socket)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab03: cannot listen on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
