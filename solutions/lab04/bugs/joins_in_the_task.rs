//! Classic bug: a client joins the chat in its own task, not in the accept loop.
//!
//! It looks tidier: the accept loop only accepts and spawns, and the client's task does
//! everything else, joining first. But a spawned task runs when the runtime gets to it, and
//! tokio runs the task spawned last first (and another worker may run an earlier one at the
//! same time). When several clients arrive together, they join in whatever order their
//! tasks happen to run: a client hears of one that connected before it, and misses one that
//! connected after. Caught by `announces_joins_in_the_order_clients_connected`, which holds
//! the server still while clients connect, so that they arrive together on every run.
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

    pub async fn serve(listener: TcpListener, chat: Chat, idle: Duration) -> io::Result<()> {
        let mut pause = Duration::from_millis(10);
        loop {
            let (stream, peer) = match listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept failed: {e}; next try in {pause:?}");
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(1));
                    continue;
                }
            };
            pause = Duration::from_millis(10);
            stream.set_nodelay(true).ok();
            let chat = chat.clone();
            tokio::spawn(async move {
                // The mistake: the client becomes a member when its task first runs.
                let inbox = chat.join();
                chat.publish(peer, &format!("* {peer} joined"));
                client::run(stream, peer, chat, inbox, idle).await;
            });
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
