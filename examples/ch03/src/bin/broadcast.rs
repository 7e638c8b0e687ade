//! `broadcast`: one datagram, many receivers: broadcast and multicast, on loopback.
//!
//! Usage: `broadcast` (no arguments).
//!
//! A datagram can be addressed to more than one socket. A *broadcast* address means every
//! host on the local network (127.255.255.255 is loopback's); a *multicast* group address
//! (224.0.0.0 to 239.255.255.255) means every socket that joined the group. Several
//! receivers share one port here, which takes `SO_REUSEADDR` on each of them before `bind`.
//!
//! Three things surprise people, and the program shows each: sending to a broadcast address
//! fails with "Permission denied" until the socket sets `SO_BROADCAST`; a receiver bound to
//! 127.0.0.1 does not get a datagram addressed to 127.255.255.255; and on Linux a socket
//! bound to the wildcard address gets a group's datagrams even if it never joined the group,
//! as long as another socket on the machine did, unless it turns `IP_MULTICAST_ALL` off
//! (ip(7)).

use std::io::{self, ErrorKind};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Duration;

use ch03_examples::{Args, no_arguments, show};
use socket2::{Domain, Socket, Type};

const ABOUT: &str =
    "Sends one broadcast and one multicast datagram on loopback, to receivers that share a port.";

/// A group in the administratively scoped range (RFC 2365), meant for use inside one site.
const GROUP: Ipv4Addr = Ipv4Addr::new(239, 255, 0, 1);
const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;

fn main() -> ExitCode {
    match no_arguments("broadcast", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match broadcast().and_then(|()| multicast()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("broadcast: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A UDP socket bound to `ip:port` that lets other sockets bind the same port.
fn shared(ip: Ipv4Addr, port: u16) -> io::Result<Socket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, None)?;
    socket.set_reuse_address(true)?;
    socket.bind(&SocketAddr::from((ip, port)).into())?;
    socket.set_read_timeout(Some(Duration::from_millis(200)))?;
    Ok(socket)
}

/// The port the first receiver got, for the others to share.
fn port_of(socket: &Socket) -> io::Result<u16> {
    socket
        .local_addr()?
        .as_socket()
        .map(|a| a.port())
        .ok_or_else(|| io::Error::other("not an IP socket"))
}

// ANCHOR: broadcast
/// One datagram to loopback's broadcast address, to receivers on one port.
fn broadcast() -> io::Result<()> {
    let a = shared(Ipv4Addr::UNSPECIFIED, 0)?;
    let port = port_of(&a)?;
    let b = shared(Ipv4Addr::UNSPECIFIED, port)?;
    let c = shared(LOOPBACK, port)?;
    let to = SocketAddr::from((Ipv4Addr::new(127, 255, 255, 255), port));
    println!("broadcast to {to}");

    let sender = UdpSocket::bind("127.0.0.1:0")?;
    if let Err(e) = sender.send_to(b"to everyone", to) {
        println!("  without SO_BROADCAST: error: {e}");
    }
    sender.set_broadcast(true)?;
    sender.send_to(b"to everyone", to)?;
    println!("  with SO_BROADCAST: sent");
    for (name, socket) in [
        ("A (0.0.0.0)", &a),
        ("B (0.0.0.0)", &b),
        ("C (127.0.0.1)", &c),
    ] {
        println!("  {name}: {}", received(socket)?);
    }
    Ok(())
}
// ANCHOR_END: broadcast

// ANCHOR: multicast
/// One datagram to a multicast group: two receivers joined it, two did not.
fn multicast() -> io::Result<()> {
    let a = shared(Ipv4Addr::UNSPECIFIED, 0)?;
    let port = port_of(&a)?;
    let b = shared(Ipv4Addr::UNSPECIFIED, port)?;
    let c = shared(Ipv4Addr::UNSPECIFIED, port)?;
    let d = shared(Ipv4Addr::UNSPECIFIED, port)?;
    // Joining is per socket and per interface: here, the loopback interface.
    a.join_multicast_v4(&GROUP, &LOOPBACK)?;
    b.join_multicast_v4(&GROUP, &LOOPBACK)?;
    // C stays out of every group it did not join itself (IP_MULTICAST_ALL off); D keeps
    // Linux's default.
    c.set_multicast_all_v4(false)?;
    let to = SocketAddr::from((GROUP, port));
    println!("multicast to {to}: A and B joined the group, C and D did not");

    let sender = Socket::new(Domain::IPV4, Type::DGRAM, None)?;
    // Which interface the group's datagrams leave by; the TTL of 1 (the default) keeps
    // them on the local network.
    sender.set_multicast_if_v4(&LOOPBACK)?;
    sender.set_multicast_ttl_v4(1)?;
    sender.send_to(b"to the group", &to.into())?;
    for (name, socket) in [
        ("A (joined)", &a),
        ("B (joined)", &b),
        ("C (not joined, IP_MULTICAST_ALL off)", &c),
        ("D (not joined)", &d),
    ] {
        println!("  {name}: {}", received(socket)?);
    }
    Ok(())
}
// ANCHOR_END: multicast

/// What one receiver got: a datagram and its sender, or nothing within the timeout.
fn received(socket: &Socket) -> io::Result<String> {
    let socket: UdpSocket = socket.try_clone()?.into();
    let mut buf = [0u8; 64];
    match socket.recv_from(&mut buf) {
        Ok((n, from)) => Ok(format!("got {} from {from}", show(&buf[..n]))),
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
            Ok("nothing".to_string())
        }
        Err(e) => Err(e),
    }
}
