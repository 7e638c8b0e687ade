//! Classic bug: a blocking std read inside a task.
//!
//! Chapter 2's server read lines with std's `BufRead`, and that code is right there to
//! copy: turn the tokio stream back into a std one and read the familiar way. It even works
//! while there are few clients. But a std read blocks its thread, and a task runs on one of
//! the runtime's worker threads, of which there is one per core. While a client is silent,
//! its task holds a worker; as many silent clients as cores, and every worker waits for
//! one of them. No other task runs: nobody is accepted, nobody hears anybody. Caught by
//! `keeps_serving_while_clients_wait_mid_line`.
//!
//! This program is the reference solution with its `client` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;

#[path = "../src/server.rs"]
mod server;

mod client {
    use std::io::{BufRead, BufReader, Write};
    use std::net::SocketAddr;
    use std::time::Duration;

    use tokio::net::TcpStream;

    use crate::chat::{Chat, Inbox};

    pub async fn run(
        stream: TcpStream,
        peer: SocketAddr,
        chat: Chat,
        mut inbox: Inbox,
        idle: Duration,
    ) {
        let Ok(stream) = stream.into_std() else {
            return;
        };
        // tokio's sockets are non-blocking; std's BufRead wants to wait for data.
        if stream.set_nonblocking(false).is_err() || stream.set_read_timeout(Some(idle)).is_err() {
            return;
        }
        let Ok(writer) = stream.try_clone() else {
            return;
        };
        let forwarder = tokio::spawn(async move {
            while let Ok(message) = inbox.recv().await {
                if message.from != peer && (&writer).write_all(message.line.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let mut reader = BufReader::new(stream);
        loop {
            let mut line = Vec::new();
            // The mistake: this blocks the worker thread until the client sends a line.
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line);
                    let text = text.strip_suffix('\n').unwrap_or(&text);
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    chat.publish(peer, &format!("{peer}: {text}"));
                }
            }
        }
        forwarder.abort();
        chat.publish(peer, &format!("* {peer} left"));
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
