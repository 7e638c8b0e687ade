//! Classic bug: serves one client at a time.
//!
//! The accept loop awaits each client's whole life instead of spawning it as a task. The
//! first client is served; everyone after it waits in the kernel's accept queue until the
//! first one leaves, and nobody hears anybody else. `async` alone runs nothing at the same
//! time: concurrency comes from spawning tasks (or from select!/join!). Caught by
//! `announces_joins_and_leaves` (and by every check with more than one client).
//!
//! This program is the reference solution with its `server` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/client.rs"]
mod client;
#[path = "../src/incoming.rs"]
mod incoming;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/outgoing.rs"]
mod outgoing;

mod server {
    use std::io;
    use std::time::Duration;

    use tokio::net::TcpListener;

    use crate::chat::Chat;
    use crate::client;
    pub use lab04_solution::server::{announce, open};

    /// The mistake: `.await` where `tokio::spawn` was meant.
    pub async fn serve(listener: TcpListener, chat: Chat, idle: Duration) -> io::Result<()> {
        loop {
            let (stream, peer) = listener.accept().await?;
            let inbox = chat.join();
            chat.publish(peer, &format!("* {peer} joined"));
            client::run(stream, peer, chat.clone(), inbox, idle).await;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
