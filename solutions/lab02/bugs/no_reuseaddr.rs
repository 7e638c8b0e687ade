//! Classic bug: no SO_REUSEADDR.
//!
//! Everything works until the server is restarted: the connections its previous run closed
//! first are still in TIME_WAIT on its port, and bind fails with "Address already in use".
//! Caught by `restarts_on_the_same_port`.
//!
//! This program is the reference solution with its `listener` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/server.rs"]
mod server;

mod listener {
    use std::io;
    use std::net::{SocketAddr, TcpListener};

    use lab02_solution::listener::BACKLOG;
    use socket2::{Domain, Protocol, Socket, Type};

    /// The mistake: no `set_reuse_address(true)` before `bind`.
    pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
        let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
        socket.bind(&addr.into())?;
        socket.listen(BACKLOG)?;
        Ok(socket.into())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
