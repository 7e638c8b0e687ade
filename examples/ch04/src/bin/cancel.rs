//! `cancel`: what `select!` in a loop does to an operation that is not cancel-safe.
//!
//! Usage: `cancel [--listen ADDR] [--fixed]` (default 127.0.0.1:7070).
//!
//! A server that reads lines and, every second, writes `tick` to the client. The obvious way
//! to write it is a loop around `select!` with two branches, "the next line" and "the next
//! tick". But every turn of that loop that the tick wins drops the line-reading future, and
//! `read_line` below is not cancel-safe: the bytes it had taken out of the buffer go with it.
//! Send it a line in two pieces, more than a second apart, and the first piece is gone.
//!
//! With `--fixed`, the two jobs are two whole futures that each loop on their own, and one
//! `select!` around them ends when either ends; neither is dropped in the middle of a line.
//! That is how lab 4 runs a client's two halves.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use ch04_examples::{Command, Log, parse_cancel, usage_error};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{self, MissedTickBehavior};

const USAGE: &str = "cancel [--listen ADDR] [--fixed]   (default 127.0.0.1:7070)";

const TICK: Duration = Duration::from_secs(1);

#[tokio::main]
async fn main() -> ExitCode {
    let (listen, fixed) = match parse_cancel(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("usage: {USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error("cancel", USAGE, &message),
    };
    let log = Log::start();
    match serve(listen, fixed, log.clone()).await {
        Ok(never) => match never {},
        Err(e) => {
            log.flush();
            eprintln!("cancel: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(listen: SocketAddr, fixed: bool, log: Log) -> io::Result<Infallible> {
    let listener = TcpListener::bind(listen).await?;
    log.say(format!("listening on {}", listener.local_addr()?));
    let mut pause = Duration::from_millis(10);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                log.say(format!("accept failed: {e}; next try in {pause:?}"));
                time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(1));
                continue;
            }
        };
        pause = Duration::from_millis(10);
        let log = log.clone();
        tokio::spawn(async move {
            let ended = if fixed {
                whole_futures(stream, peer, &log).await
            } else {
                select_in_a_loop(stream, peer, &log).await
            };
            if let Err(e) = ended {
                log.say(format!("{peer}: {e}"));
            }
        });
    }
}

// ANCHOR: read-line
/// The next line, or `None` at EOF. Not cancel-safe: the bytes read so far are in `line`,
/// a local variable, and dropping the future drops them.
async fn read_line(reader: &mut BufReader<OwnedReadHalf>) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    if reader.read_until(b'\n', &mut line).await? == 0 {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&line).trim_end().to_string()))
}
// ANCHOR_END: read-line

// ANCHOR: select-in-a-loop
/// Wrong: a new `read_line` future on every turn, dropped whenever the tick comes first.
async fn select_in_a_loop(stream: TcpStream, peer: SocketAddr, log: &Log) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut ticks = time::interval_at(time::Instant::now() + TICK, TICK);
    loop {
        tokio::select! {
            line = read_line(&mut reader) => match line? {
                Some(line) => log.say(format!("{peer}: line: {line:?}")),
                None => return Ok(()),
            },
            _ = ticks.tick() => writer.write_all(b"tick\n").await?,
        }
    }
}
// ANCHOR_END: select-in-a-loop

// ANCHOR: whole-futures
/// Right: each job is one future that loops on its own; `select!` only ends them both.
async fn whole_futures(stream: TcpStream, peer: SocketAddr, log: &Log) -> io::Result<()> {
    let (reader, writer) = stream.into_split();
    tokio::select! {
        ended = print_lines(BufReader::new(reader), peer, log) => ended,
        ended = write_ticks(writer) => ended,
    }
}

async fn print_lines(
    mut reader: BufReader<OwnedReadHalf>,
    peer: SocketAddr,
    log: &Log,
) -> io::Result<()> {
    while let Some(line) = read_line(&mut reader).await? {
        log.say(format!("{peer}: line: {line:?}"));
    }
    Ok(())
}

async fn write_ticks(mut writer: OwnedWriteHalf) -> io::Result<()> {
    let mut ticks = time::interval_at(time::Instant::now() + TICK, TICK);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        writer.write_all(b"tick\n").await?;
    }
}
// ANCHOR_END: whole-futures
