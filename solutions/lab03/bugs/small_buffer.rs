//! Classic bug: a receive buffer of 1,024 bytes.
//!
//! Enough for every datagram tried by hand, so it looks right. But recv_from cuts a
//! datagram that does not fit the buffer and throws the rest away, with no error (only the
//! MSG_TRUNC flag of recvmsg would tell). `recv` prints 1,024 bytes of a 65,507-byte
//! datagram, and `echo` sends back 1,024. Caught by
//! `recv_prints_a_65507_byte_datagram_whole`, `echo_keeps_datagram_boundaries` and
//! `echo_returns_empty_and_binary_datagrams`.
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

    /// The mistake: a buffer sized for the datagrams one happened to try.
    pub const BUFFER_SIZE: usize = 1024;
}

fn main() -> std::process::ExitCode {
    app::main()
}
