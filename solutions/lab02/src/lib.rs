//! The reference solution of lab02: a TCP echo server on blocking sockets, one thread per
//! client.
//!
//! A server here is three pieces, and each is a function so that the classic-bug variants in
//! `bugs/` can swap exactly one of them for the mistaken version:
//!
//! - [`listener::open`] makes the listening socket, one system call at a time;
//! - [`server::serve`] accepts clients forever and gives each one a thread;
//! - [`echo::echo`] is what one client gets: its bytes back, until it stops sending.

pub use lab_support::lab02 as cli;
pub mod echo;
pub mod listener;
pub mod server;

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::process::ExitCode;

pub use server::Handler;

/// The three pieces a server is made of.
pub struct Parts {
    pub open: fn(SocketAddr) -> io::Result<TcpListener>,
    pub serve: fn(TcpListener, Handler) -> io::Result<()>,
    pub handle: Handler,
}

/// The reference solution's pieces.
pub const REFERENCE: Parts = Parts {
    open: listener::open,
    serve: server::serve,
    handle: echo::echo,
};

/// The whole program: read the arguments, open the socket, announce it, serve. Returns the
/// exit code, so that every way it can end is a message and a code, never a panic.
pub fn main(parts: Parts) -> ExitCode {
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
    let result = (parts.open)(listen)
        .and_then(|listener| server::announce(&listener).map(|()| listener))
        .and_then(|listener| (parts.serve)(listener, parts.handle));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab02: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
