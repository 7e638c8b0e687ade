//! Classic bug: every sender writes to every client itself, under one lock.
//!
//! The first chat server most people write keeps every client's socket in a shared map, and
//! a client's task, when it reads a line, locks the map and writes the line to each socket
//! in turn. It works until one client stops reading: its socket's buffers fill, the write
//! to it waits (with the lock held), and every other client's task waits for the lock. One
//! client that does not read stops the whole chat. Caught by
//! `a_client_that_never_reads_slows_no_one`.
//!
//! This program is the reference solution with its `client` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
// This variant writes to the sockets itself: nothing reads the chat's messages.
#[allow(dead_code)]
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/server.rs"]
mod server;

mod client {
    use std::collections::HashMap;
    use std::net::SocketAddr;
    use std::sync::OnceLock;
    use std::time::Duration;

    use tokio::io::{AsyncWriteExt, BufReader};
    use tokio::net::TcpStream;
    use tokio::net::tcp::OwnedWriteHalf;
    use tokio::sync::Mutex;

    use crate::chat::{Chat, Inbox};
    use crate::lines::{self, Line};

    /// Every client's writing half, by address.
    fn writers() -> &'static Mutex<HashMap<SocketAddr, OwnedWriteHalf>> {
        static WRITERS: OnceLock<Mutex<HashMap<SocketAddr, OwnedWriteHalf>>> = OnceLock::new();
        WRITERS.get_or_init(|| Mutex::new(HashMap::new()))
    }

    /// The mistake: writes `line` to every client but `from`, holding the lock while it
    /// waits for each write.
    async fn say(from: SocketAddr, line: String) {
        let mut writers = writers().lock().await;
        for (peer, writer) in writers.iter_mut() {
            if *peer != from {
                let _ = writer.write_all(line.as_bytes()).await;
            }
        }
    }

    /// The chat and the inbox the accept loop made go unused: this design has its own.
    pub async fn run(
        stream: TcpStream,
        peer: SocketAddr,
        _chat: Chat,
        _inbox: Inbox,
        idle: Duration,
    ) {
        let (reader, writer) = stream.into_split();
        say(peer, format!("* {peer} joined\n")).await;
        writers().lock().await.insert(peer, writer);
        let mut reader = BufReader::new(reader);
        while let Ok(Ok(Line::Text(text))) =
            tokio::time::timeout(idle, lines::read_line(&mut reader)).await
        {
            say(peer, format!("{peer}: {text}\n")).await;
        }
        writers().lock().await.remove(&peer);
        say(peer, format!("* {peer} left\n")).await;
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
