//! Lab 04: a chat server on tokio, one task per client.
//!
//! Read chapter 4, "Many clients at once" (`src/en/ch04-many-clients.md`;
//! 한국어: `src/ko/ch04-many-clients.md`), then fill in the TODOs below, in order.
//! Grade your work with `cargo test -p lab04`: each failing check says which TODO it needs
//! and which section of the chapter explains it. Try it by hand with `cargo run -p lab04` in
//! one terminal and `nc 127.0.0.1 7879` in two or three others.
//!
//! The chat: when a client connects, every other client gets `* PEER joined`; every line a
//! client sends reaches every *other* client as `PEER: TEXT`, exactly as it was sent (only
//! its `\n` or `\r\n` removed; an empty line too); when it leaves, however that happens
//! (it closes, its connection is reset, the server disconnects it: its line is too long, or
//! it sent no line for `--idle` seconds), the others get `* PEER left`, once. PEER is the
//! client's address as accept() returned it, like `127.0.0.1:53422` or `[::1]:53422`. The
//! whole contract is in the chapter's "The contract".
//!
//! TODO list (everything else in this crate is done, the chat's shared state included):
//!
//! 1. `open`: bind a `tokio::net::TcpListener` to `addr`, then print `listening on ADDR`
//!    on stdout, ADDR being the address it really got (`local_addr()`), and flush stdout.
//!    Return bind's error with `?`: `main` turns it into a message. (§ "Async Rust and tokio")
//! 2. `serve`: accept clients forever. For each one, right there in the loop: make it a
//!    member of the chat (`chat.join()` gives its inbox) and publish `* PEER joined`; then
//!    `tokio::spawn` its task, `client(...)`, and go straight back to accept. A failed
//!    accept never ends the server: log it on stderr, wait, and try again, waiting twice as
//!    long after each failure in a row, up to a second. (§ "One task per connection",
//!    § "Fan-out with a broadcast channel", § "Accept errors: back off")
//! 3. `read_line`: the next line from the reader. Read at most `MAX_LINE + 2` bytes
//!    (`take`: room for the longest line and a `\r\n`) up to and including `\n`
//!    (`read_until`). Return `Line::Eof` if nothing came. Remove the `\n`, and one `\r`
//!    right before it, and nothing else: spaces and tabs are part of the line. Then
//!    `Line::TooLong` if more than `MAX_LINE` bytes are left, and otherwise `Line::Text`,
//!    converted with `String::from_utf8_lossy` only now that the whole line is there (a
//!    character's bytes may arrive in two reads). (§ "Framing lines on a stream")
//! 4. `client` and `read_lines`: split the stream (`into_split`), then run `read_lines`
//!    (publish each line as `PEER: TEXT`, empty ones too, until EOF; a line too long ends it
//!    with an error) and `forward` at the same time, with `tokio::select!`, so that when
//!    either ends the other is dropped and the connection closes. Then publish
//!    `* PEER left`, however it ended: no `?` before that. Nothing in a task may block its
//!    thread: no std::io, no std::thread::sleep. (§ "Splitting a stream", § "Disconnects",
//!    § "Never block a task")
//! 5. `forward`: receive from the inbox forever and write each message to the client,
//!    except the client's own. `RecvError::Lagged` means the client fell behind and lost the
//!    oldest messages: log it and go on (do not add a queue of your own, which would have no
//!    bound). `RecvError::Closed` means the chat is gone: return. (§ "Fan-out with a
//!    broadcast channel", § "Slow readers")
//! 6. `read_lines`, again: the idle timeout. A client whose machine lost power or whose cable
//!    was pulled sends nothing at all, not even a FIN: without a time limit, its read waits
//!    forever and it stays in the chat forever. Put `tokio::time::timeout(idle, ...)` around
//!    each `read_line` (not around the whole loop: the clock starts again with every line),
//!    and when it runs out, end `read_lines` with an error, so that the client leaves like any
//!    other. (§ "Noticing a dead peer")
//! 7. Delete the `#![allow(...)]` line below and fix any warning it was hiding.

// The unfinished starter leaves some names unused; this keeps it quiet until you are done.
#![allow(unused_variables, unused_imports, unused_mut, dead_code)]

use lab_support::lab04 as cli;

use std::io::{self, Write};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast::{self, error::RecvError};

/// The longest line a client may send, without its `\n` or `\r\n`: 8 KiB.
const MAX_LINE: usize = 8 * 1024;

/// How many messages a client may fall behind before it loses the oldest ones. This bounds
/// the chat's memory: at most this many messages of at most 8 KiB are kept.
const CAPACITY: usize = 1024;

/// One line for the chat, ready to write: `* PEER joined\n` or `PEER: TEXT\n`.
#[derive(Clone, Debug)]
struct Message {
    /// Who it is from (or about). That client does not get it.
    from: SocketAddr,
    /// The bytes to write, `\n` included. Every inbox gets a copy; copying an Arc is cheap.
    line: Arc<str>,
}

/// A client's view of the chat: every message published after it joined.
type Inbox = broadcast::Receiver<Message>;

/// The chat every client's task shares: one bounded broadcast channel. Clone it freely.
#[derive(Clone)]
struct Chat {
    sender: broadcast::Sender<Message>,
}

impl Chat {
    fn new() -> Chat {
        let (sender, _) = broadcast::channel(CAPACITY);
        Chat { sender }
    }

    /// Makes a new member: its inbox receives everything published from now on.
    fn join(&self) -> Inbox {
        self.sender.subscribe()
    }

    /// Sends `text` (without a newline) to every member but `from`. Never waits.
    fn publish(&self, from: SocketAddr, text: &str) {
        let line = format!("{text}\n").into();
        // Fails only when no client is connected, and then there is no one to tell.
        let _ = self.sender.send(Message { from, line });
    }
}

/// What reading the next line found.
enum Line {
    /// A line, without its `\n` or `\r\n`, and otherwise exactly as sent.
    Text(String),
    /// The line has more than MAX_LINE bytes.
    TooLong,
    /// The client has finished sending.
    Eof,
}

/// The reading half of a client's connection, buffered.
type LineReader = BufReader<OwnedReadHalf>;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab04: {message}");
            return ExitCode::from(2);
        }
    };
    // Errors that end the server (the address is in use, say) become one line on stderr.
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab04: cannot serve on {}: {e}", config.listen);
            ExitCode::FAILURE
        }
    }
}

async fn run(config: cli::Config) -> io::Result<()> {
    let listener = open(config.listen).await?;
    serve(listener, Chat::new(), config.idle).await
}

/// TODO 1: bind, then print `listening on ADDR` (the address really bound) and flush.
async fn open(addr: SocketAddr) -> io::Result<TcpListener> {
    todo!("TODO 1: bind a TcpListener to {addr} and print `listening on ADDR`")
}

/// TODO 2: accept forever; join and announce each client, then spawn its task.
/// `idle` is for TODO 6: pass it on to the client's task.
async fn serve(listener: TcpListener, chat: Chat, idle: Duration) -> io::Result<()> {
    todo!("TODO 2: accept clients, each on a task of its own")
}

/// TODO 3: the next line, of at most MAX_LINE bytes.
async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
    todo!("TODO 3: read the next line, up to its \\n, at most MAX_LINE bytes")
}

/// TODO 4: the rest of a client's life: reading and forwarding at once, then left.
async fn client(stream: TcpStream, peer: SocketAddr, chat: Chat, inbox: Inbox, idle: Duration) {
    todo!("TODO 4: run client {peer}: select! of read_lines and forward, then left")
}

/// TODO 4: publish each of the client's lines as `PEER: TEXT`, until EOF.
/// TODO 6: and end with an error when no line comes for `idle`.
async fn read_lines(
    mut reader: LineReader,
    peer: SocketAddr,
    chat: &Chat,
    idle: Duration,
) -> io::Result<()> {
    todo!("TODO 4: publish the lines of {peer}")
}

/// TODO 5: write every message in the inbox to the client, except its own.
async fn forward(mut writer: OwnedWriteHalf, me: SocketAddr, mut inbox: Inbox) -> io::Result<()> {
    todo!("TODO 5: forward the chat to {me}")
}
