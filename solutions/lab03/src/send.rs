//! Sending: each message is one datagram, and a message too big for one is refused before
//! anything is sent.

use std::io;
use std::net::{SocketAddr, UdpSocket};

/// The most data one UDP datagram carries over IPv4: an IPv4 packet holds at most 65,535
/// bytes (its length field has 16 bits), of which 20 are the IPv4 header and 8 the UDP
/// header.
pub const MAX_PAYLOAD_V4: usize = 65_507;

/// The most data one UDP datagram carries over IPv6: IPv6's 16-bit payload length does not
/// count the 40-byte IPv6 header, so only the 8 bytes of the UDP header come off 65,535
/// (RFC 8200 §3, RFC 768). (Jumbograms, RFC 2675, are for links with a larger MTU than any
/// loopback has.)
pub const MAX_PAYLOAD_V6: usize = 65_527;

/// What was sent, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub datagrams: usize,
    pub bytes: usize,
}

/// The most data one datagram to `to` can carry: the limit depends on the address family.
pub fn max_payload(to: SocketAddr) -> usize {
    match to {
        SocketAddr::V4(_) => MAX_PAYLOAD_V4,
        SocketAddr::V6(_) => MAX_PAYLOAD_V6,
    }
}

/// Sends each message as exactly one datagram to `to`, in order.
pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    // Check every message before sending the first one. The kernel would refuse a datagram
    // that is too long anyway (EMSGSIZE), but only when we got to it: the messages before
    // it would already be on their way, and the receiver would get half of what was meant.
    check_sizes(to, messages)?;

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

/// Refuses a message that one datagram to `to` cannot carry, saying which and why.
pub fn check_sizes(to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<()> {
    let max = max_payload(to);
    for (i, message) in messages.iter().enumerate() {
        if message.len() > max {
            let family = if to.is_ipv4() { "IPv4" } else { "IPv6" };
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "message {} is {} bytes, but one UDP datagram over {family} carries at most {max} bytes; nothing was sent",
                    i + 1,
                    message.len()
                ),
            ));
        }
    }
    Ok(())
}
