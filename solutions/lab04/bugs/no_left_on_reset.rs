//! Classic bug: forgets the `left` notice when a connection is reset.
//!
//! `?` is so convenient: an error on the connection returns from the client's task at once.
//! A clean close (EOF) still reaches the line that says `* PEER left`, but a client that
//! crashed, whose connection ends with a reset, makes the read fail, and the `?` skips the
//! notice: to everyone else, it stays in the chat forever. Caught by
//! `announces_a_reset_client_leaving`.
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
    use std::io;
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
        if let Err(e) = run_until_left(stream, peer, &chat, inbox, idle).await {
            eprintln!("{peer}: {e}");
        }
    }

    async fn run_until_left(
        stream: TcpStream,
        peer: SocketAddr,
        chat: &Chat,
        inbox: Inbox,
        idle: Duration,
    ) -> io::Result<()> {
        let (reader, writer) = stream.into_split();
        // The mistake: `?` returns before the notice on any error.
        tokio::select! {
            ended = incoming::relay(BufReader::new(reader), peer, chat, idle) => ended?,
            ended = outgoing::forward(writer, peer, inbox) => ended?,
        }
        chat.publish(peer, &format!("* {peer} left"));
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
