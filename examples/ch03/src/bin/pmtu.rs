//! `pmtu`: who fragments a datagram that is too big for the path, and when (Linux).
//!
//! Usage: `pmtu listen ADDR` prints the size of every datagram that arrives at ADDR;
//! `pmtu send ADDR` sends datagrams that fill a 1,500-byte packet to ADDR and reports what
//! the sending kernel did with each.
//!
//! Linux sets the IPv4 "don't fragment" (DF) bit on every UDP datagram that fits the path
//! MTU it knows (ip(7), `IP_PMTUDISC_WANT`, the default). A router whose next link is
//! smaller does not cut such a packet: it drops it and answers with an ICMP "fragmentation
//! needed" that names its MTU. The sending kernel remembers that MTU for the destination,
//! and from then on cuts bigger datagrams into fragments itself, before they leave. IPv6
//! routers never fragment at all (RFC 8200 §4.5): the ICMPv6 "packet too big" plays the
//! same part. A socket set to `IP_PMTUDISC_DO` never fragments: once the path MTU is known,
//! a datagram that does not fit fails with EMSGSIZE.
//!
//! `examples/ch03/pmtu.sh` builds the network this needs (a router between two links, the
//! second with an MTU of 1,400) in network namespaces, runs both ends, and captures what the
//! router sees.

use std::ffi::OsString;
use std::io;
use std::mem::size_of;
use std::net::{SocketAddr, UdpSocket};
use std::os::fd::AsRawFd;
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use ch03_examples::snmp_counter;

const USAGE: &str = "usage: pmtu listen ADDR | pmtu send ADDR";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let words: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let result = match words.as_slice() {
        ["-h" | "--help"] => {
            println!("{USAGE}\nShows who fragments a datagram too big for the path (Linux).");
            return ExitCode::SUCCESS;
        }
        [mode @ ("listen" | "send"), addr] if args.len() == 2 => match addr.parse() {
            Ok(addr) if *mode == "listen" => listen(addr),
            Ok(addr) => send(addr),
            Err(_) => return usage(&format!("{addr:?} is not an address like 10.0.2.1:9000")),
        },
        _ => return usage("expected `listen ADDR` or `send ADDR`"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pmtu: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("pmtu: {message}\n{USAGE}");
    ExitCode::from(2)
}

/// Prints the size of each datagram that arrives, until killed.
fn listen(addr: SocketAddr) -> io::Result<()> {
    let socket = UdpSocket::bind(addr)?;
    println!("listening on {}", socket.local_addr()?);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let (n, from) = socket.recv_from(&mut buf)?;
        println!("  received {n} bytes from {from}");
    }
}

// ANCHOR: send
/// Three datagrams that fill a 1,500-byte packet, from a socket with the default setting,
/// then from one that must never fragment.
fn send(to: SocketAddr) -> io::Result<()> {
    // 1,500 minus the IP header (20 bytes for IPv4, 40 for IPv6) and the UDP header (8).
    let size = if to.is_ipv4() { 1472 } else { 1452 };
    let bind = if to.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" };
    println!("sending datagrams of {size} bytes to {to}");

    let socket = UdpSocket::bind(bind)?;
    println!("  default socket (PMTUDISC_WANT):");
    for i in 1..=3 {
        let before = fragments_made(to);
        let result = socket.send_to(&vec![b'x'; size], to);
        // Give an ICMP answer from the path time to come back before the next send.
        thread::sleep(Duration::from_millis(200));
        let made = fragments_made(to) - before;
        match result {
            Ok(n) => println!("    send #{i}: sent {n}, the kernel made {made} fragments"),
            Err(e) => println!("    send #{i}: error: {e}"),
        }
    }
    println!("    path MTU the kernel now knows: {}", path_mtu(bind, to)?);

    let strict = UdpSocket::bind(bind)?;
    set_pmtudisc_do(&strict, to)?;
    println!("  socket set to PMTUDISC_DO (never fragment):");
    match strict.send_to(&vec![b'x'; size], to) {
        Ok(n) => println!("    send: sent {n}"),
        Err(e) => println!("    send: error: {e}"),
    }
    Ok(())
}
// ANCHOR_END: send

/// How many fragments this network namespace's kernel has made so far, for `to`'s family.
fn fragments_made(to: SocketAddr) -> u64 {
    let counted = if to.is_ipv4() {
        snmp_counter("Ip", "FragCreates")
    } else {
        ch03_examples::snmp6_counter("Ip6FragCreates")
    };
    counted.unwrap_or(0)
}

/// The path MTU the kernel has cached for `to`: a socket connected to `to` reads it with
/// the IP_MTU (IPV6_MTU) option (ip(7), ipv6(7)).
fn path_mtu(bind: &str, to: SocketAddr) -> io::Result<i32> {
    let probe = UdpSocket::bind(bind)?;
    probe.connect(to)?;
    let (level, name) = if to.is_ipv4() {
        (libc::IPPROTO_IP, libc::IP_MTU)
    } else {
        (libc::IPPROTO_IPV6, libc::IPV6_MTU)
    };
    get_int_option(&probe, level, name)
}

/// IP_PMTUDISC_DO: set DF (IPv4), never fragment, refuse what does not fit with EMSGSIZE.
fn set_pmtudisc_do(socket: &UdpSocket, to: SocketAddr) -> io::Result<()> {
    if to.is_ipv4() {
        set_int_option(
            socket,
            libc::IPPROTO_IP,
            libc::IP_MTU_DISCOVER,
            libc::IP_PMTUDISC_DO,
        )
    } else {
        set_int_option(
            socket,
            libc::IPPROTO_IPV6,
            libc::IPV6_MTU_DISCOVER,
            libc::IPV6_PMTUDISC_DO,
        )
    }
}

/// setsockopt with an int value: std and socket2 have no call for these options.
fn set_int_option(socket: &UdpSocket, level: i32, name: i32, value: i32) -> io::Result<()> {
    // SAFETY: the pointer and length describe `value`, which outlives the call.
    let result = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            level,
            name,
            (&raw const value).cast(),
            size_of::<i32>() as libc::socklen_t,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// getsockopt with an int value.
fn get_int_option(socket: &UdpSocket, level: i32, name: i32) -> io::Result<i32> {
    let mut value: i32 = 0;
    let mut len = size_of::<i32>() as libc::socklen_t;
    // SAFETY: the pointer and length describe `value` and `len`, which outlive the call.
    let result = unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            level,
            name,
            (&raw mut value).cast(),
            &raw mut len,
        )
    };
    if result == 0 {
        Ok(value)
    } else {
        Err(io::Error::last_os_error())
    }
}
