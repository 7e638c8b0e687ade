//! Classic bug: forgets the `left` notice when a connection is reset.
//!
//! `?` is so convenient: an error on the connection returns from the client's task at once.
//! A clean close (EOF) still reaches the line that says `* PEER left`, but a client that
//! crashed, whose connection ends with a reset, makes the read fail, and the `?` skips the
//! notice: to everyone else, it stays in the chat forever. Caught by
//! `announces_a_reset_client_leaving`.

use std::io;
use std::net::SocketAddr;

use lab04_solution::client::read_lines;
use lab04_solution::{Chat, Inbox, Parts, REFERENCE};
use tokio::io::BufReader;
use tokio::net::TcpStream;

async fn run(
    stream: TcpStream,
    peer: SocketAddr,
    chat: Chat,
    inbox: Inbox,
    parts: Parts,
) -> io::Result<()> {
    let (reader, writer) = stream.into_split();
    tokio::select! {
        ended = read_lines(BufReader::new(reader), peer, &chat, parts) => ended?,
        ended = (parts.forward)(writer, peer, inbox) => ended?,
    }
    chat.publish(peer, &format!("* {peer} left"));
    Ok(())
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        client: |stream, peer, chat, inbox, parts| {
            Box::pin(async move {
                let _ = run(stream, peer, chat, inbox, parts).await;
            })
        },
        ..REFERENCE
    })
}
