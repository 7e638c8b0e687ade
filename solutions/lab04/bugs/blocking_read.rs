//! Classic bug: a blocking std read inside a task.
//!
//! Chapter 2's server read lines with std's `BufRead`, and that code is right there to
//! copy: turn the tokio stream back into a std one and read the familiar way. It even works
//! while there are few clients. But a std read blocks its thread, and a task runs on one of
//! the runtime's worker threads, of which there is one per core. While a client is silent,
//! its task holds a worker; as many silent clients as cores, and every worker waits for
//! one of them. No other task runs: nobody is accepted, nobody hears anybody. Caught by
//! `keeps_serving_while_clients_wait_mid_line`.

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;

use lab04_solution::{Chat, Inbox, Parts, REFERENCE};
use tokio::net::TcpStream;

async fn run_with_std_reads(
    stream: TcpStream,
    peer: SocketAddr,
    chat: Chat,
    mut inbox: Inbox,
    _parts: Parts,
) {
    let Ok(stream) = stream.into_std() else {
        return;
    };
    // tokio's sockets are non-blocking; std's BufRead wants to wait for data.
    if stream.set_nonblocking(false).is_err() {
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
        // Blocks this worker thread until the client sends a whole line.
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches(['\n', '\r']);
                chat.publish(peer, &format!("{peer}: {text}"));
            }
        }
    }
    forwarder.abort();
    chat.publish(peer, &format!("* {peer} left"));
}

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        client: |stream, peer, chat, inbox, parts| {
            Box::pin(run_with_std_reads(stream, peer, chat, inbox, parts))
        },
        ..REFERENCE
    })
}
