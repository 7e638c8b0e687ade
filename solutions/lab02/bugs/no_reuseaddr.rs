//! Classic bug: no SO_REUSEADDR.
//!
//! Everything works until the server is restarted: the connections its previous run closed
//! first are still in TIME_WAIT on its port, and bind fails with "Address already in use".
//! Caught by `restarts_on_the_same_port`.

use std::io;
use std::net::{SocketAddr, TcpListener};

use lab02_solution::listener::BACKLOG;
use lab02_solution::{Parts, REFERENCE};
use socket2::{Domain, Protocol, Socket, Type};

fn open_without_reuse(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        open: open_without_reuse,
        ..REFERENCE
    })
}
