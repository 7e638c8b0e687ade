//! Classic bug: the writing half lives on after the client left.
//!
//! The two halves of a client run as two tasks, and the task is "over" when the reading
//! half ends: it says `* PEER left` and returns. The writing half, spawned on its own, is
//! never stopped. It keeps the connection open, so the client that left never sees it
//! close, and it keeps writing the chat to it for as long as the client's side accepts
//! data. Each departure leaks a file descriptor: under a limit of 64, the server soon
//! cannot accept anyone. Caught by `serves_clients_in_turn_under_a_low_fd_limit`.
//!
//! This program is the reference solution with its `client` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/incoming.rs"]
mod incoming;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/outgoing.rs"]
mod outgoing;
#[path = "../src/server.rs"]
mod server;

mod client {
    use std::net::SocketAddr;
    use std::time::Duration;

    use tokio::io::BufReader;
    use tokio::net::TcpStream;

    use crate::chat::{Chat, Inbox};
    use crate::{incoming, outgoing};

    pub async fn run(
        stream: TcpStream,
        peer: SocketAddr,
        chat: Chat,
        inbox: Inbox,
        idle: Duration,
    ) {
        let (reader, writer) = stream.into_split();
        // The mistake: the JoinHandle is dropped, and with it the only way to stop the task.
        tokio::spawn(outgoing::forward(writer, peer, inbox));
        let ended = incoming::relay(BufReader::new(reader), peer, &chat, idle).await;
        eprintln!("{peer} left: {ended:?}");
        chat.publish(peer, &format!("* {peer} left"));
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
