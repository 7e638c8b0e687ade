//! `careful-echo`: the echo server again, with what a server that runs for real adds.
//!
//! Usage: `careful-echo [--listen ADDR] [--max-clients N] [--idle S] [--drain S]`
//! (defaults 127.0.0.1:7070, 1000 clients, 60 s, 5 s).
//!
//! `async-echo` serves every client that comes, waits for each as long as it likes, and stops
//! the moment it is killed. This one keeps the same echo and adds four things, each one a few
//! lines, in the shape tokio's mini-redis gives them:
//!
//! - **accept errors back off**: a failed accept waits 10 ms, twice as long after each failure
//!   in a row, up to 1 s, as chapter 2's `counter` does;
//! - **a cap on clients**: a `Semaphore` with `--max-clients` permits. The accept loop takes a
//!   permit before it accepts, so at the cap it stops accepting and new clients wait in the
//!   kernel's accept queue; a client's task gives its permit back when it ends;
//! - **timeouts**: every read and every write may wait at most `--idle` seconds. A client that
//!   says nothing, or does not read its echo, is closed;
//! - **a graceful shutdown** on Ctrl-C (SIGINT) or SIGTERM: stop accepting, tell every client
//!   (`server shutting down, bye`), let each finish the echo it is writing and close its side,
//!   then wait up to `--drain` seconds for them before closing the rest.
//!
//! Its log, with the seconds since it started, goes through `ch04_examples::Log`.

use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use ch04_examples::{CarefulArgs, Command, Log, parse_careful, usage_error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::timeout;

const USAGE: &str = "careful-echo [--listen ADDR] [--max-clients N] [--idle S] [--drain S]   (defaults 127.0.0.1:7070, 1000, 60, 5)";

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_careful(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("careful-echo", USAGE, &message),
    };
    let log = Log::start();
    let listener = match TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("careful-echo: cannot serve on {}: {e}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(addr) => log.say(format!("listening on {addr}")),
        Err(e) => {
            eprintln!("careful-echo: {e}");
            return ExitCode::FAILURE;
        }
    }
    run(listener, args, &log).await;
    // The log's own thread may still have lines to write: wait for them before exiting.
    log.flush();
    ExitCode::SUCCESS
}

// ANCHOR: run
/// Serves until a shutdown signal, then shuts down gracefully.
async fn run(listener: TcpListener, args: CarefulArgs, log: &Log) {
    // Every client's task watches this; `true` means "finish up".
    let (stop, stopping) = watch::channel(false);
    // The clients' tasks, so that a shutdown can wait for them (and, at the end, abort them).
    let mut clients = JoinSet::new();
    let limit = Arc::new(Semaphore::new(args.max_clients));
    tokio::select! {
        never = accept_clients(&listener, &limit, &mut clients, &stopping, args, log) => match never {},
        () = shutdown_signal() => {}
    }
    // 1. Stop accepting: closing the listening socket makes new clients' connect fail at
    //    once (and resets any still waiting in its accept queue), instead of hanging.
    drop(listener);
    while clients.try_join_next().is_some() {}
    let busy = clients.len();
    log.at(format!(
        "shutting down: no new clients; telling {busy} to finish"
    ));
    // 2. Tell every client: each task sees the change at its next await.
    let _ = stop.send(true);
    // 3. Drain: wait for them, but not forever.
    let drained = timeout(args.drain, async {
        while clients.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        log.at(format!(
            "{} still busy after {:?}: closing them",
            clients.len(),
            args.drain
        ));
        clients.shutdown().await;
    }
    log.at("bye");
}
// ANCHOR_END: run

/// Resolves when the program is asked to stop: Ctrl-C in a terminal (SIGINT), or SIGTERM,
/// which is what `kill`, systemd and `docker stop` send.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

// ANCHOR: accept-loop
/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Accepts clients forever, at most `max_clients` at a time.
async fn accept_clients(
    listener: &TcpListener,
    limit: &Arc<Semaphore>,
    clients: &mut JoinSet<()>,
    stopping: &watch::Receiver<bool>,
    args: CarefulArgs,
    log: &Log,
) -> std::convert::Infallible {
    let mut pause = FIRST_PAUSE;
    loop {
        // A free place first, then a client. At the cap this waits, and new clients wait in
        // the kernel's accept queue (connected, unanswered) until someone leaves.
        let permit = limit
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // One connection's trouble, or a shortage that passes (EMFILE): back off,
                // twice as long after each failure in a row, and try again.
                log.at(format!("accept failed: {e}; next try in {pause:?}"));
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        let serving = args.max_clients - limit.available_permits();
        log.at(format!(
            "{peer} connected ({serving} of {})",
            args.max_clients
        ));
        // Forget the tasks that have ended, so that the set holds only the running ones.
        while clients.try_join_next().is_some() {}
        let (stopping, log) = (stopping.clone(), log.clone());
        clients.spawn(client(stream, peer, permit, stopping, args.idle, log));
    }
}
// ANCHOR_END: accept-loop

/// One client's task, from accept to close. It owns its permit: the place is free again when
/// the task ends, however it ends (an abort at the end of a shutdown included).
async fn client(
    stream: TcpStream,
    peer: SocketAddr,
    _permit: OwnedSemaphorePermit,
    stopping: watch::Receiver<bool>,
    idle: Duration,
    log: Log,
) {
    match echo(stream, stopping, idle).await {
        Ok((bytes, why)) => log.at(format!("{peer} left after {bytes} bytes: {why}")),
        Err(e) => log.at(format!("{peer}: {e}")),
    }
}

// ANCHOR: echo
/// Echoes until EOF, a timeout, or a shutdown. Returns the bytes echoed and why it ended.
async fn echo(
    mut stream: TcpStream,
    mut stopping: watch::Receiver<bool>,
    idle: Duration,
) -> io::Result<(u64, &'static str)> {
    let mut buf = vec![0u8; 8 * 1024];
    let mut echoed = 0;
    loop {
        // Both branches are cancel-safe: read() reads nothing when the other branch wins,
        // and changed() misses no change.
        let n = tokio::select! {
            read = timeout(idle, stream.read(&mut buf)) => match read {
                Ok(read) => read?,
                Err(_) => return Ok((echoed, "silent for the idle timeout")),
            },
            _ = stopping.changed() => {
                goodbye(&mut stream, idle).await?;
                return Ok((echoed, "server shutting down"));
            }
        };
        if n == 0 {
            return Ok((echoed, "EOF"));
        }
        // The whole echo must be written within the timeout: a client that reads a byte
        // now and then cannot hold the task for longer.
        match timeout(idle, stream.write_all(&buf[..n])).await {
            Ok(written) => written?,
            Err(_) => return Ok((echoed, "not reading its echo")),
        }
        echoed += n as u64;
    }
}
// ANCHOR_END: echo

// ANCHOR: goodbye
/// Tells the client the server is going, closes our sending side, and reads what the client
/// still sends until it closes too, so that nothing unread is left to turn our close into a
/// reset (chapter 2, "Closing with unread data").
async fn goodbye(stream: &mut TcpStream, idle: Duration) -> io::Result<()> {
    stream.write_all(b"server shutting down, bye\n").await?;
    stream.shutdown().await?;
    let mut rest = [0u8; 1024];
    let _ = timeout(idle, async {
        while stream.read(&mut rest).await? > 0 {}
        Ok::<(), io::Error>(())
    })
    .await;
    Ok(())
}
// ANCHOR_END: goodbye
