//! The listening socket, made one system call at a time.
//!
//! `std::net::TcpListener::bind` does all of this in one call. We use socket2 to make each
//! step visible, because each one is a decision: the address family, SO_REUSEADDR, the
//! address, the backlog.

use std::io;
use std::net::{SocketAddr, TcpListener};

use socket2::{Domain, Protocol, Socket, Type};

/// How many connections the kernel may complete for us before we accept them. 128 is the
/// traditional default (and Linux's `somaxconn` caps it anyway); it only matters when
/// clients arrive faster than `accept` takes them.
pub const BACKLOG: i32 = 128;

/// Opens a TCP socket listening on `addr`.
pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
    // socket(2): an endpoint with no address yet. The family must match the address we
    // will bind: IPv4 for 127.0.0.1, IPv6 for ::1.
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;

    // A restarted server must be able to bind the port its previous run used, although the
    // connections that run closed are still in TIME_WAIT. Without SO_REUSEADDR, bind fails
    // with "Address already in use" for a minute or two after every restart.
    socket.set_reuse_address(true)?;

    // bind(2): claim the address. Port 0 lets the kernel choose a free port.
    socket.bind(&addr.into())?;

    // listen(2): from now on the kernel completes handshakes for us and queues the new
    // connections until we accept them.
    socket.listen(BACKLOG)?;

    Ok(socket.into())
}
