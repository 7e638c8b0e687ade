//! Classic bug: every sender writes to every client itself, under one lock.
//!
//! The first chat server most people write keeps every client's socket in a shared map, and
//! a client's task, when it reads a line, locks the map and writes the line to each socket
//! in turn. It works until one client stops reading: its socket's buffers fill, the write
//! to it waits (with the lock held), and every other client's task waits for the lock. One
//! client that does not read stops the whole chat. Caught by
//! `never_reading_client_slows_no_one_and_memory_stays_bounded`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::OnceLock;

use lab04_solution::{Chat, Inbox, Line, Parts, REFERENCE};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::Mutex;

/// Every client's writing half, by address.
fn writers() -> &'static Mutex<HashMap<SocketAddr, OwnedWriteHalf>> {
    static WRITERS: OnceLock<Mutex<HashMap<SocketAddr, OwnedWriteHalf>>> = OnceLock::new();
    WRITERS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Writes `line` to every client but `from`, holding the lock while it writes.
async fn say(from: SocketAddr, line: String) {
    let mut writers = writers().lock().await;
    for (peer, writer) in writers.iter_mut() {
        if *peer != from {
            let _ = writer.write_all(line.as_bytes()).await;
        }
    }
}

async fn run(stream: TcpStream, peer: SocketAddr, _chat: Chat, _inbox: Inbox, parts: Parts) {
    let (reader, writer) = stream.into_split();
    say(peer, format!("* {peer} joined\n")).await;
    writers().lock().await.insert(peer, writer);
    let mut reader = BufReader::new(reader);
    while let Ok(Line::Text(text)) = (parts.read_line)(&mut reader).await {
        say(peer, format!("{peer}: {text}\n")).await;
    }
    writers().lock().await.remove(&peer);
    say(peer, format!("* {peer} left\n")).await;
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        client: |stream, peer, chat, inbox, parts| Box::pin(run(stream, peer, chat, inbox, parts)),
        ..REFERENCE
    })
}
