//! `byte-order`: the same numbers in the two byte orders.
//!
//! Usage: `byte-order` (no arguments).
//!
//! A number longer than one byte can be stored with its most significant byte first
//! (big-endian) or last (little-endian). x86 and ARM machines keep numbers little-endian in
//! memory; the headers of IP, TCP and UDP carry them big-endian, which is why big-endian is
//! called network byte order. The kernel's socket addresses hold the port that way too.
//!
//! A program meets the question as soon as it puts a number on the wire as bytes: a binary
//! length prefix, a field of a binary protocol. It must pick an order and say so, and both
//! sides must use the same one. Rust makes the choice visible: `to_be_bytes` and
//! `from_be_bytes` for network byte order, never the machine's own order by accident.

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        eprintln!("byte-order: takes no arguments; usage: byte-order");
        return ExitCode::from(2);
    }
    // ANCHOR: port
    let port: u16 = 7070;
    println!("port {port} is {port:#06x}");
    println!(
        "  to_be_bytes, network byte order: {}",
        hex(&port.to_be_bytes())
    );
    println!(
        "  to_le_bytes, x86 and ARM memory: {}",
        hex(&port.to_le_bytes())
    );
    // ANCHOR_END: port

    // ANCHOR: length-prefix
    // Framing with a length prefix: 4 bytes that say how long the message is,
    // then the message. The sender writes the length in network byte order...
    let message = vec![b'x'; 300];
    let prefix = u32::try_from(message.len())
        .expect("300 fits in a u32")
        .to_be_bytes();
    println!("a {}-byte message, prefix {}", message.len(), hex(&prefix));
    // ...and the receiver must read it back the same way.
    println!(
        "  read with u32::from_be_bytes: {}",
        u32::from_be_bytes(prefix)
    );
    println!(
        "  read with u32::from_le_bytes: {}",
        u32::from_le_bytes(prefix)
    );
    // ANCHOR_END: length-prefix
    ExitCode::SUCCESS
}

/// Bytes as two-digit hex numbers, separated by spaces: `1b 9e`.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}
