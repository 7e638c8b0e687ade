//! The reference solution of lab04: a line-based chat server on tokio, one task per client.
//!
//! Every client gets a task of its own, and the tasks meet in one place, a broadcast
//! channel. The server is four pieces, each in its own module:
//!
//! - [`server`] binds, announces the address and accepts clients forever. Each client joins
//!   the chat, and `* PEER joined` goes out, *before* its task is spawned, so the chat's
//!   members change in the order the server accepted them.
//! - [`client`] is the rest of a client's life: reading its lines and forwarding everyone
//!   else's at the same time, then `* PEER left`, however it ended.
//! - [`lines`] is the framing: the next line, of at most 8 KiB, from a buffered reader.
//! - [`chat`] is the state the tasks share: a bounded broadcast channel, so that a client
//!   that stops reading costs a bounded amount of memory and holds up nobody.
//!
//! The pieces are plain `async fn`s. [`Parts`] names the ones a classic mistake lives in,
//! so that each variant in `bugs/` can swap exactly one of them for the mistaken version.

pub use lab_support::lab04 as cli;

pub mod chat;
pub mod client;
pub mod lines;
pub mod server;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::process::ExitCode;

use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream};

pub use chat::{Chat, Inbox};
pub use lines::{Line, LineReader};

/// A future on the heap. The pieces are `async fn`s, and each `async fn` has a type of its
/// own; boxing them gives every variant of a piece the same type, so [`Parts`] can hold any.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The pieces a server is made of (the functions they point at are the documentation).
#[derive(Clone, Copy)]
pub struct Parts {
    /// Accepts clients forever: [`server::serve`].
    pub serve: fn(TcpListener, Chat, Parts) -> BoxFuture<'static, io::Result<()>>,
    /// One client's life, after it joined, until it left: [`client::run`].
    pub client: fn(TcpStream, SocketAddr, Chat, Inbox, Parts) -> BoxFuture<'static, ()>,
    /// Reads the next line from a client: [`lines::read_line`].
    pub read_line: for<'a> fn(&'a mut LineReader) -> BoxFuture<'a, io::Result<Line>>,
    /// Copies everyone else's lines to one client: [`client::forward`].
    pub forward: fn(OwnedWriteHalf, SocketAddr, Inbox) -> BoxFuture<'static, io::Result<()>>,
}

/// The reference solution's pieces.
pub const REFERENCE: Parts = Parts {
    serve: |listener, chat, parts| Box::pin(server::serve(listener, chat, parts)),
    client: |stream, peer, chat, inbox, parts| {
        Box::pin(client::run(stream, peer, chat, inbox, parts))
    },
    read_line: |reader| Box::pin(lines::read_line(reader)),
    forward: |writer, me, inbox| Box::pin(client::forward(writer, me, inbox)),
};

/// The whole program: read the arguments, start the runtime, listen, announce, serve.
/// Returns the exit code, so that every way it can end is a message and a code, never a
/// panic.
pub fn main(parts: Parts) -> ExitCode {
    let listen = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve { listen }) => listen,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab04: {message}");
            return ExitCode::from(2);
        }
    };
    // This is what `#[tokio::main]` writes for you: a multi-threaded runtime, with one
    // worker thread per CPU core, and its I/O and timer drivers switched on. Written out, it
    // shows that the runtime is an ordinary value, and that main still returns an ExitCode.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lab04: cannot start the tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(listen, parts)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab04: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(listen: SocketAddr, parts: Parts) -> io::Result<()> {
    let listener = server::open(listen).await?;
    server::announce(&listener)?;
    (parts.serve)(listener, Chat::new(), parts).await
}
