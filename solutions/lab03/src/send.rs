//! Sending: each message is one datagram.

use std::io;
use std::net::{SocketAddr, UdpSocket};

use crate::MAX_PAYLOAD;

/// What was sent, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub datagrams: usize,
    pub bytes: usize,
}

/// Sends each message as exactly one datagram to `to`, in order.
pub fn send_messages(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    // Check every message before sending the first one. The kernel would refuse a datagram
    // that is too long anyway (EMSGSIZE), but only when we got to it: the messages before
    // it would already be on their way, and the receiver would get half of what was meant.
    check_sizes(messages)?;

    let mut sent = Sent {
        datagrams: 0,
        bytes: 0,
    };
    for message in messages {
        // One send_to is one datagram: the receiver gets exactly these bytes in one
        // recv_from, or nothing at all. Nothing is merged with the next message or split.
        // An empty message is sent too; an empty datagram is a valid datagram.
        //
        // We do not connect() the socket. send_to on an unconnected socket does not care
        // whether anyone listens: if nobody does, the ICMP "port unreachable" that comes
        // back is ignored. On a connected socket it would fail our *next* call with
        // ECONNREFUSED.
        let n = socket.send_to(message, to)?;
        // A UDP send is all or nothing: n is always the whole message.
        sent.datagrams += 1;
        sent.bytes += n;
    }
    Ok(sent)
}

/// Refuses a message that one datagram cannot carry, saying which and why.
pub fn check_sizes(messages: &[Vec<u8>]) -> io::Result<()> {
    for (i, message) in messages.iter().enumerate() {
        if message.len() > MAX_PAYLOAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "message {} is {} bytes, but one UDP datagram carries at most {MAX_PAYLOAD} bytes; nothing was sent",
                    i + 1,
                    message.len()
                ),
            ));
        }
    }
    Ok(())
}
