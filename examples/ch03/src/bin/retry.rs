//! `retry`: what an application does about loss and reordering: sequence numbers, a
//! timeout, and retries.
//!
//! Usage: `retry` (no arguments).
//!
//! A client asks an echo server 8 questions, one at a time. Between them sits a simulated
//! bad network (a thread that plays the server): it drops some datagrams and holds others
//! back, so that a reply can arrive after the client has given up on it and asked again.
//! The client numbers each request, waits 100 ms for the reply with that number, asks again
//! when none comes, and ignores replies to earlier questions. Real networks lose and
//! reorder packets; loopback does neither, so the dice here are the network. They are
//! seeded, so every run plays out the same way.

use std::io::{self, ErrorKind};
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use ch03_examples::{Args, Dice, no_arguments};

const ABOUT: &str = "Asks 8 numbered questions over a lossy network, with timeouts and retries.";

/// How long the client waits for a reply before asking again.
const TIMEOUT: Duration = Duration::from_millis(100);
/// How often it asks before giving up on a question.
const TRIES: u32 = 5;
/// How late a held-back reply is: later than the client's timeout, on purpose.
const LATE: Duration = Duration::from_millis(150);

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
    let mut retries = 0;
    for seq in 1..=8u32 {
        match ask(&client, server_addr, seq, &mut retries)? {
            Some(try_) => println!("#{seq}: answered on try {try_}"),
            None => println!("#{seq}: no answer after {TRIES} tries, giving up"),
        }
    }
    println!("{retries} retries in all");
    Ok(())
}

// ANCHOR: ask
/// Sends request `seq` until its reply arrives, at most TRIES times. Returns the try that
/// was answered.
fn ask(
    client: &UdpSocket,
    server: SocketAddr,
    seq: u32,
    retries: &mut u32,
) -> io::Result<Option<u32>> {
    let mut buf = [0u8; 64];
    for try_ in 1..=TRIES {
        if try_ > 1 {
            *retries += 1;
        }
        client.send_to(format!("#{seq}").as_bytes(), server)?;
        let deadline = Instant::now() + TIMEOUT;
        // Wait for *this* request's reply; anything else is a late reply to an earlier
        // request, whose answer we already have or gave up on.
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                println!(
                    "#{seq}: try {try_}: no reply within {} ms",
                    TIMEOUT.as_millis()
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
            if reply == format!("#{seq}") {
                return Ok(Some(try_));
            }
            println!("#{seq}: try {try_}: ignored a late reply {reply}");
        }
    }
    Ok(None)
}
// ANCHOR_END: ask

/// An echo server behind a bad network: of every 100 datagrams, about 25 are lost and 20
/// arrive late; the rest are answered at once.
fn bad_network_echo(socket: UdpSocket) {
    let mut dice = Dice::new(2);
    let mut buf = [0u8; 64];
    while let Ok((n, from)) = socket.recv_from(&mut buf) {
        let data = buf[..n].to_vec();
        match dice.percent() {
            0..25 => {} // lost
            25..45 => {
                let socket = socket.try_clone().expect("a socket can be cloned");
                thread::spawn(move || {
                    thread::sleep(LATE);
                    let _ = socket.send_to(&data, from);
                });
            }
            _ => {
                let _ = socket.send_to(&data, from);
            }
        }
    }
}
