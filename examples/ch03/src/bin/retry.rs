//! `retry`: what an application does about loss and reordering: sequence numbers, a
//! timeout that backs off, and a limit on tries.
//!
//! Usage: `retry` (no arguments).
//!
//! A client asks an echo server 8 questions, one at a time. Between them sits a simulated
//! bad network (a thread that plays the server): it drops some datagrams, holds others back
//! until the next one has overtaken them, and for a while drops everything, as a network
//! does when a link goes down. The client
//! numbers each question and each try (`#3/2` is question 3, try 2), waits for the reply,
//! and sends again when none comes: after 100 ms, then 200, 400 and 800 ms (exponential
//! backoff), and after 4 tries it gives up on that question. A reply to an earlier question
//! is ignored; the try number in a reply says which send it answers.
//!
//! Real networks lose and reorder packets; loopback does neither, so the dice here are the
//! network. They are seeded, so every run plays out the same way.

use std::io::{self, ErrorKind};
use std::net::{SocketAddr, UdpSocket};
use std::ops::RangeInclusive;
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use ch03_examples::{Args, Backoff, Dice, no_arguments};

const ABOUT: &str =
    "Asks 8 numbered questions over a lossy network, retrying with exponential backoff.";

/// How the client waits: 100 ms, 200, 400, 800, then it gives up. The times are short
/// because the simulated network answers in microseconds; over the Internet, without a
/// measured round-trip time, the first wait would be a second or more.
const BACKOFF: Backoff = Backoff {
    first: Duration::from_millis(100),
    ceiling: Duration::from_millis(800),
    tries: 4,
};
/// The datagrams (counted as they reach the server, from 1) that the network loses because
/// it is down: 4 in a row.
const OUTAGE: RangeInclusive<u32> = 9..=12;

fn main() -> ExitCode {
    match no_arguments("retry", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("retry: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    let server = UdpSocket::bind("127.0.0.1:0")?;
    let server_addr = server.local_addr()?;
    thread::spawn(move || bad_network_echo(server));

    let client = UdpSocket::bind("127.0.0.1:0")?;
    let (mut sends, mut answered) = (0, 0);
    for seq in 1..=8u32 {
        let outcome = ask(&client, server_addr, seq, &BACKOFF)?;
        sends += outcome.sends;
        if outcome.answered {
            answered += 1;
        }
    }
    println!("{answered} of 8 answered, {sends} datagrams sent");
    Ok(())
}

/// What became of one question.
struct Outcome {
    answered: bool,
    sends: u32,
}

// ANCHOR: ask
/// Asks question `seq` until a reply to it arrives, waiting longer after every silence, at
/// most `backoff.tries` times.
fn ask(client: &UdpSocket, server: SocketAddr, seq: u32, backoff: &Backoff) -> io::Result<Outcome> {
    let mut buf = [0u8; 64];
    for try_ in 1..=backoff.tries {
        // The try number travels with the question and comes back in the reply, so the
        // client knows which send was answered.
        client.send_to(format!("#{seq}/{try_}").as_bytes(), server)?;
        let wait = backoff.wait(try_);
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                println!(
                    "#{seq}: try {try_}: no reply within {} ms",
                    wait.as_millis()
                );
                break;
            }
            client.set_read_timeout(Some(left))?;
            let n = match client.recv(&mut buf) {
                Ok(n) => n,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    continue;
                }
                Err(e) => return Err(e),
            };
            let reply = String::from_utf8_lossy(&buf[..n]);
            match parse(&reply) {
                Some((s, answers)) if s == seq => {
                    let late = if answers < try_ {
                        format!(", by the reply to try {answers}: late, not lost")
                    } else {
                        String::new()
                    };
                    println!("#{seq}: answered on try {try_}{late}");
                    return Ok(Outcome {
                        answered: true,
                        sends: try_,
                    });
                }
                // A reply to an earlier question (or an earlier try of one): we already
                // have that answer, or gave up on it.
                _ => {
                    println!("#{seq}: try {try_}: ignored {reply}, a reply to an earlier question")
                }
            }
        }
    }
    let total = backoff.give_up_after().as_millis();
    println!(
        "#{seq}: no reply after {} tries ({total} ms), giving up",
        backoff.tries
    );
    Ok(Outcome {
        answered: false,
        sends: backoff.tries,
    })
}
// ANCHOR_END: ask

/// `#3/2` as (3, 2).
fn parse(reply: &str) -> Option<(u32, u32)> {
    let (seq, try_) = reply.strip_prefix('#')?.split_once('/')?;
    Some((seq.parse().ok()?, try_.parse().ok()?))
}

/// An echo server behind a bad network: of every 100 datagrams, about 25 are lost and 20
/// are held back until the next datagram has passed them, so that they arrive late and out
/// of order; the rest are answered at once. During the OUTAGE every datagram is lost.
fn bad_network_echo(socket: UdpSocket) {
    let mut dice = Dice::new(2);
    let mut buf = [0u8; 64];
    let mut arrived = 0u32;
    let mut held: Option<(Vec<u8>, SocketAddr)> = None;
    while let Ok((n, from)) = socket.recv_from(&mut buf) {
        arrived += 1;
        let roll = dice.percent();
        if OUTAGE.contains(&arrived) {
            continue;
        }
        // What was held back goes out now, before the answer to this datagram: late.
        if let Some((data, to)) = held.take() {
            let _ = socket.send_to(&data, to);
        }
        match roll {
            0..25 => {} // lost
            25..45 => held = Some((buf[..n].to_vec(), from)),
            _ => {
                let _ = socket.send_to(&buf[..n], from);
            }
        }
    }
}
