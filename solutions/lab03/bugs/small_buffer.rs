//! Classic bug: a receive buffer of 1,024 bytes.
//!
//! Enough for every datagram tried by hand, so it looks right. But recv_from cuts a
//! datagram that does not fit the buffer and throws the rest away, with no error (only the
//! MSG_TRUNC flag of recvmsg would tell). `recv` prints 1,024 bytes of a 65,507-byte
//! datagram, and `echo` sends back 1,024. Caught by
//! `recv_prints_a_65507_byte_datagram_whole` and `echo_keeps_datagram_boundaries`.

use lab03_solution::{Parts, REFERENCE};

fn main() -> std::process::ExitCode {
    lab03_solution::main(Parts {
        buffer_size: 1024,
        ..REFERENCE
    })
}
