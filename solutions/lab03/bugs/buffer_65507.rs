//! Classic bug: a receive buffer of 65,507 bytes, the largest IPv4 datagram.
//!
//! It holds every datagram that can come over IPv4, so every IPv4 test passes. But over IPv6
//! a datagram carries up to 65,527 bytes, and recv_from silently cuts the last 20 of them.
//! The starter's `MAX_PAYLOAD` constant makes this mistake easy: it is the sender's limit for
//! IPv4, not the size of a buffer that holds any datagram. Caught by `recv_over_ipv6` and
//! `echo_over_ipv6`.
//!
//! This program is the reference solution with its `socket` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/recv.rs"]
mod recv;
#[path = "../src/send.rs"]
mod send;

mod socket {
    pub use lab03_solution::socket::{announce, bind};

    /// The mistake: IPv4's limit, which IPv6 datagrams exceed.
    pub const BUFFER_SIZE: usize = 65_507;
}

fn main() -> std::process::ExitCode {
    app::main()
}
