//! Not a learner's bug but the grader's own test: a program that binds, announces its
//! address, takes every datagram and never answers or prints anything.
//!
//! UDP gives a check no EOF and no reset to notice: only the clock. `tests/proof.rs` shows
//! that each check waiting on this program fails by its own deadline, well within its time
//! limit, with a report of what was sent and that nothing came back.
//!
//! This program is the reference solution with its `recv` and `echo` modules replaced by
//! the ones below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/send.rs"]
mod send;
#[path = "../src/socket.rs"]
mod socket;

/// Takes datagrams and does nothing with them, forever.
pub fn swallow(socket: &std::net::UdpSocket) -> std::io::Result<()> {
    let mut buf = vec![0u8; socket::BUFFER_SIZE];
    loop {
        socket.recv_from(&mut buf)?;
    }
}

mod recv {
    pub fn receive(socket: &std::net::UdpSocket, _count: Option<u64>) -> std::io::Result<()> {
        crate::swallow(socket)
    }
}

mod echo {
    pub use crate::swallow as echo;
}

fn main() -> std::process::ExitCode {
    app::main()
}
