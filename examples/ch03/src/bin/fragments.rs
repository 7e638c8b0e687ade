//! `fragments`: how many IP packets one datagram becomes (Linux).
//!
//! Usage: `fragments` (no arguments).
//!
//! A network interface carries packets of at most its MTU (1,500 bytes on Ethernet). A
//! datagram too big for one packet is cut into IP fragments, which the receiving host puts
//! back together; if one fragment is lost, the whole datagram is lost. This program sends a
//! few datagrams over loopback and reads the kernel's own count of the fragments it made
//! (`FragCreates` in `/proc/net/snmp`).
//!
//! Loopback's MTU is normally 65,536, so nothing is fragmented there. To see fragments,
//! run it in a network namespace of its own whose loopback has Ethernet's MTU (no root
//! needed where user namespaces are enabled):
//!
//! ```text
//! cargo build -p ch03-examples
//! unshare -rn sh -c 'ip link set lo mtu 1500 up && target/debug/fragments'
//! ```

use std::io;
use std::net::UdpSocket;
use std::process::ExitCode;

use ch03_examples::{Args, no_arguments, snmp_counter};

const ABOUT: &str =
    "Counts the IP fragments the kernel makes for datagrams of a few sizes (Linux).";

fn main() -> ExitCode {
    match no_arguments("fragments", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match count_fragments() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fragments: {e}");
            ExitCode::FAILURE
        }
    }
}

// ANCHOR: count
/// Sends datagrams of a few sizes and asks the kernel how many fragments each became.
fn count_fragments() -> io::Result<()> {
    let fragments_so_far = || {
        snmp_counter("Ip", "FragCreates")
            .ok_or_else(|| io::Error::other("no /proc/net/snmp (it is Linux's) to count with"))
    };
    let receiver = UdpSocket::bind("127.0.0.1:0")?;
    let sender = UdpSocket::bind("127.0.0.1:0")?;
    let to = receiver.local_addr()?;
    let mut buf = vec![0u8; 64 * 1024];
    // 1,472 = 1,500 - 20 (IPv4 header) - 8 (UDP header): the most that fits one Ethernet
    // packet.
    for size in [1_472, 1_473, 65_507] {
        let before = fragments_so_far()?;
        sender.send_to(&vec![b'x'; size], to)?;
        let (n, _) = receiver.recv_from(&mut buf)?;
        let made = fragments_so_far()? - before;
        println!("datagram of {size:>5} bytes: {made:>2} fragments made, {n} bytes received");
    }
    Ok(())
}
// ANCHOR_END: count
