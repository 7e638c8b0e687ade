//! `dead-peer`: how a server finds out that a client is gone, and how long it takes.
//!
//! Usage: `dead-peer [--listen ADDR] [--keepalive S] [--user-timeout S] [--heartbeat S]
//! [--idle S]` (default 127.0.0.1:7070, every detection off).
//!
//! It accepts clients and, for each one, logs what arrives and how the connection ended,
//! with the seconds since the client connected. With no options it only reads, the way
//! most servers do. Chapter 4 kills its clients in different ways (a crash, a crash with
//! unread data, a machine that vanishes behind a firewall rule) and turns on, one at a time,
//! the four ways a server can notice a client that is gone without a word:
//!
//! - `--keepalive S`: TCP keepalive. After S seconds without a segment, the kernel sends a
//!   probe; a live peer's kernel answers it, and after 3 unanswered probes, one a second,
//!   the connection fails with ETIMEDOUT.
//! - `--user-timeout S`: TCP_USER_TIMEOUT (Linux). Data sent and not acknowledged for S
//!   seconds fails the connection, instead of the kernel's 15 retransmissions (about 15
//!   minutes).
//! - `--heartbeat S`: the application writes `ping` every S seconds. Writing is how a server
//!   finds out: a write to a crashed client fails, a write to a vanished one is retransmitted
//!   until the kernel gives up.
//! - `--idle S`: an idle timeout. Nothing from the client for S seconds, and the server
//!   closes the connection itself.
//!
//! Its log goes through `ch04_examples::Log`, so no task ever waits on a write to stdout.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use ch04_examples::{Command, DeadPeerArgs, Log, parse_dead_peer, usage_error};
use socket2::SockRef;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Interval, interval_at, sleep_until};

const USAGE: &str =
    "dead-peer [--listen ADDR] [--keepalive S] [--user-timeout S] [--heartbeat S] [--idle S]";

/// How often keepalive probes go out once the first one did, and how many may go
/// unanswered.
const PROBE_INTERVAL: Duration = Duration::from_secs(1);
const PROBES: u32 = 3;

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_dead_peer(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("dead-peer", USAGE, &message),
    };
    let log = Log::start();
    match serve(args, log.clone()).await {
        Ok(never) => match never {},
        Err(e) => {
            log.flush();
            eprintln!("dead-peer: cannot serve on {}: {e}", args.listen);
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: DeadPeerArgs, log: Log) -> io::Result<Infallible> {
    let listener = TcpListener::bind(args.listen).await?;
    log.say(format!("listening on {}", listener.local_addr()?));
    let mut pause = FIRST_PAUSE;
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                log.say(format!("accept failed: {e}; next try in {pause:?}"));
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        let log = log.clone();
        tokio::spawn(async move {
            if let Err(e) = tune(&stream, &args) {
                log.say(format!("{peer}: cannot set the socket's options: {e}"));
                return;
            }
            watch(stream, peer, args, log).await;
        });
    }
}

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Turns on the kernel's ways of finding a dead peer that were asked for.
fn tune(stream: &TcpStream, args: &DeadPeerArgs) -> io::Result<()> {
    // SockRef lends socket2's setters to a socket someone else owns (here, tokio).
    let socket = SockRef::from(stream);
    // ANCHOR: keepalive
    if let Some(idle) = args.keepalive {
        // SO_KEEPALIVE, and its three numbers: how long the connection must be quiet before
        // the first probe (TCP_KEEPIDLE), how long between probes (TCP_KEEPINTVL), and how
        // many may go unanswered (TCP_KEEPCNT). Without them Linux uses its sysctls:
        // 7200 s, 75 s and 9, over two hours before a dead peer is noticed.
        let keepalive = socket2::TcpKeepalive::new()
            .with_time(idle)
            .with_interval(PROBE_INTERVAL)
            .with_retries(PROBES);
        socket.set_tcp_keepalive(&keepalive)?;
    }
    // ANCHOR_END: keepalive
    // ANCHOR: user-timeout
    // TCP_USER_TIMEOUT: how long sent data may stay unacknowledged before the kernel gives
    // the connection up, instead of its 15 retransmissions (net.ipv4.tcp_retries2).
    #[cfg(target_os = "linux")]
    if let Some(limit) = args.user_timeout {
        socket.set_tcp_user_timeout(Some(limit))?;
    }
    // ANCHOR_END: user-timeout
    #[cfg(not(target_os = "linux"))]
    if args.user_timeout.is_some() {
        return Err(io::Error::other("TCP_USER_TIMEOUT is Linux-only"));
    }
    Ok(())
}

// ANCHOR: watch
/// Reads what the client sends, writes a heartbeat if asked, and logs how it all ended.
async fn watch(mut stream: TcpStream, peer: SocketAddr, args: DeadPeerArgs, log: Log) {
    let since = Instant::now();
    let at = move || format!("{:6.1} s", since.elapsed().as_secs_f64());
    log.say(format!("{}  {peer} connected", at()));
    let mut heartbeat = args
        .heartbeat
        .map(|every| interval_at(since + every, every));
    let mut last_heard = since;
    let mut buf = [0u8; 4096];
    let ended = loop {
        // Every branch here is cancel-safe: read() and tick() lose nothing when another
        // branch wins, and the idle deadline is computed again on every turn.
        tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) => break "read returned 0 (EOF): the client closed".to_string(),
                Ok(n) => {
                    last_heard = Instant::now();
                    log.say(format!("{}  {peer}: read {n} bytes", at()));
                }
                Err(e) => break format!("read failed: {e}"),
            },
            () = tick(&mut heartbeat) => {
                // The write runs here, in the branch, so no other branch can cancel it.
                if let Err(e) = stream.write_all(b"ping\n").await {
                    break format!("write failed: {e}");
                }
            }
            () = sleep_until_some(args.idle.map(|idle| last_heard + idle)) => {
                break "nothing from the client for the idle timeout: closing".to_string();
            }
        }
    };
    log.say(format!("{}  {peer}: {ended}", at()));
}
// ANCHOR_END: watch

/// The next heartbeat, or never when there is none.
async fn tick(heartbeat: &mut Option<Interval>) {
    match heartbeat {
        Some(interval) => {
            interval.tick().await;
        }
        None => std::future::pending().await,
    }
}

/// Sleeps until `deadline`, or forever when there is none.
async fn sleep_until_some(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}
