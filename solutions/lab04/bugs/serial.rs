//! Classic bug: serves one client at a time.
//!
//! The accept loop awaits each client's whole life instead of spawning it as a task. The
//! first client is served; everyone after it waits in the kernel's accept queue until the
//! first one leaves, and nobody hears anybody else. `async` alone runs nothing at the same
//! time: concurrency comes from spawning tasks (or from select!/join!). Caught by
//! `announces_joins_and_leaves` (and by every check with more than one client).

use std::io;

use lab04_solution::{Chat, Parts, REFERENCE};
use tokio::net::TcpListener;

async fn serve_one_at_a_time(listener: TcpListener, chat: Chat, parts: Parts) -> io::Result<()> {
    loop {
        let (stream, peer) = listener.accept().await?;
        let inbox = chat.join();
        chat.publish(peer, &format!("* {peer} joined"));
        (parts.client)(stream, peer, chat.clone(), inbox, parts).await;
    }
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        serve: |listener, chat, parts| Box::pin(serve_one_at_a_time(listener, chat, parts)),
        ..REFERENCE
    })
}
