//! What the chapter 3 examples share.
//!
//! Each example is one experiment, with both ends in one process, so that you run it with a
//! single `cargo run -p ch03-examples --bin NAME` and read what happened. The programs take
//! no arguments (`--help` prints what the experiment shows); anything else is a one-line
//! error and exit code 2, never a panic. The exception is `pmtu`, whose two ends run in two
//! network namespaces (`examples/ch03/pmtu.sh` starts them): it takes `listen ADDR` or
//! `send ADDR`.
//!
//! Two experiments need more than loopback: `reflect` forges a source address, which takes
//! a raw socket (CAP_NET_RAW), and `pmtu.sh` builds a small routed network. Both say how to
//! run them in a network namespace of their own, so that the machine's own network is left
//! alone.

use std::ffi::OsString;
use std::fs;
use std::process::ExitCode;
use std::time::Duration;

/// How an example's command line turned out.
pub enum Args {
    /// No arguments: run the experiment.
    Run,
    /// `--help` was printed: exit 0.
    Help,
    /// Something else: the message was printed, exit with this code.
    Bad(ExitCode),
}

/// Checks that an example got no arguments. `about` is printed for `--help`.
pub fn no_arguments(program: &str, about: &str) -> Args {
    no_arguments_from(program, about, std::env::args_os().skip(1))
}

fn no_arguments_from(program: &str, about: &str, args: impl IntoIterator<Item = OsString>) -> Args {
    let args: Vec<OsString> = args.into_iter().collect();
    match args.first() {
        None => Args::Run,
        Some(a) if a == "-h" || a == "--help" => {
            println!("usage: {program}\n{about}");
            Args::Help
        }
        Some(a) => {
            eprintln!(
                "{program}: unexpected argument {:?}; this experiment takes none (try --help)",
                a.to_string_lossy()
            );
            Args::Bad(ExitCode::from(2))
        }
    }
}

/// Shows bytes the way a Rust byte string is written, shortened when long: `b"hello"`.
pub fn show(bytes: &[u8]) -> String {
    const KEEP: usize = 24;
    let escaped = |part: &[u8]| -> String { part.escape_ascii().to_string() };
    if bytes.len() <= KEEP {
        format!("b\"{}\"", escaped(bytes))
    } else {
        format!("b\"{}\"…", escaped(&bytes[..KEEP]))
    }
}

/// A counter of the kernel's network statistics, from `/proc/net/snmp` (Linux only): for
/// example `("Udp", "RcvbufErrors")` or `("Ip", "FragCreates")`. The file has two lines per
/// protocol, one of names and one of values. `None` where there is no such file.
pub fn snmp_counter(protocol: &str, name: &str) -> Option<u64> {
    let text = fs::read_to_string("/proc/net/snmp").ok()?;
    parse_snmp(&text, protocol, name)
}

fn parse_snmp(text: &str, protocol: &str, name: &str) -> Option<u64> {
    let prefix = format!("{protocol}:");
    let mut rows = text.lines().filter(|l| l.starts_with(&prefix));
    let names = rows.next()?;
    let values = rows.next()?;
    let index = names.split_whitespace().position(|n| n == name)?;
    values.split_whitespace().nth(index)?.parse().ok()
}

/// A counter of the kernel's IPv6 statistics, from `/proc/net/snmp6` (Linux only), one
/// `name value` pair a line: for example `Ip6FragCreates`. `None` where there is no such
/// file.
pub fn snmp6_counter(name: &str) -> Option<u64> {
    let text = fs::read_to_string("/proc/net/snmp6").ok()?;
    parse_snmp6(&text, name)
}

fn parse_snmp6(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        (words.next()? == name).then(|| words.next()?.parse().ok())?
    })
}

/// A tiny random number generator (xorshift64), so that a "bad network" plays out the same
/// way on every run without a dependency.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number from 0 to 99.
    pub fn percent(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 32) % 100
    }
}

// ANCHOR: backoff
/// When to give up on a question, and how long to wait for each try: exponential backoff
/// with a ceiling and a limit on tries, as RFC 8085 §3.1.1 asks of every protocol on UDP
/// that sends again.
pub struct Backoff {
    /// How long to wait after the first send.
    pub first: Duration,
    /// No wait is longer than this, however many tries came before.
    pub ceiling: Duration,
    /// How many times to send in all, the first send included, before giving up.
    pub tries: u32,
}

impl Backoff {
    /// The wait after send number `try_` (1 for the first): `first`, doubled after every
    /// timeout, up to `ceiling`. A timeout is the only sign of loss, and loss usually means
    /// congestion, so each try waits longer instead of sending faster into a network that is
    /// already dropping packets.
    pub fn wait(&self, try_: u32) -> Duration {
        let doublings = try_.saturating_sub(1).min(16);
        self.first.saturating_mul(1 << doublings).min(self.ceiling)
    }

    /// The longest a question can take before the asker gives up: every wait, added up.
    pub fn give_up_after(&self) -> Duration {
        (1..=self.tries).map(|try_| self.wait(try_)).sum()
    }
}
// ANCHOR_END: backoff

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_snmp_tables() {
        let text =
            "Ip: Forwarding FragCreates\nIp: 1 45\nUdp: InDatagrams RcvbufErrors\nUdp: 10 3\n";
        assert_eq!(parse_snmp(text, "Ip", "FragCreates"), Some(45));
        assert_eq!(parse_snmp(text, "Udp", "RcvbufErrors"), Some(3));
        assert_eq!(parse_snmp(text, "Udp", "Nope"), None);
        assert_eq!(parse_snmp(text, "Tcp", "InSegs"), None);
    }

    #[test]
    fn reads_snmp6_lines() {
        let text = "Ip6InReceives                   \t12\nIp6FragCreates                  \t4\n";
        assert_eq!(parse_snmp6(text, "Ip6FragCreates"), Some(4));
        assert_eq!(parse_snmp6(text, "Ip6FragOKs"), None);
    }

    #[test]
    fn shows_bytes() {
        assert_eq!(show(b"hi\n\xff"), "b\"hi\\n\\xff\"");
        assert!(show(&[b'a'; 100]).ends_with("\"…"));
    }

    #[test]
    fn backoff_doubles_up_to_its_ceiling() {
        let backoff = Backoff {
            first: Duration::from_millis(100),
            ceiling: Duration::from_millis(300),
            tries: 4,
        };
        let waits: Vec<u128> = (1..=4).map(|t| backoff.wait(t).as_millis()).collect();
        assert_eq!(waits, [100, 200, 300, 300]);
        assert_eq!(backoff.give_up_after(), Duration::from_millis(900));
        // Far past any sensible number of tries, the wait stays at the ceiling.
        assert_eq!(backoff.wait(u32::MAX), Duration::from_millis(300));
    }

    #[test]
    fn arguments() {
        assert!(matches!(no_arguments_from("x", "", []), Args::Run));
        assert!(matches!(
            no_arguments_from("x", "", [OsString::from("--help")]),
            Args::Help
        ));
        assert!(matches!(
            no_arguments_from("x", "", [OsString::from("extra")]),
            Args::Bad(_)
        ));
    }
}
