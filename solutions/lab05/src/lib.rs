//! The reference solution of lab05: a static-file HTTP/1.1 server on blocking sockets, one
//! thread per connection.
//!
//! # Why threads, not tokio
//!
//! Every connection here does the same few blocking things in order: read a request head,
//! open a file, write a response, and again. With a thread per connection that order is the
//! order of the code, and the two defences a public server needs are one line each: a
//! deadline on reads (`set_read_timeout`, recomputed before every read so that a client who
//! trickles one byte at a time cannot stretch it) and one on writes. It also needs nothing
//! but `std`, so the lab builds in seconds. The price is a thread (a stack, a kernel task)
//! for every open connection, idle keep-alive ones included: fine for hundreds of clients,
//! not for tens of thousands, where chapter 4's tokio and real servers' event loops win.
//! The deadline keeps that price bounded: a silent or slow client gives its thread back
//! after `--timeout` seconds.
//!
//! # The pieces
//!
//! A request goes through these functions, in this order. Each one is a field of [`Parts`]
//! so that the classic-bug variants in `bugs/` can swap exactly one piece for the mistaken
//! version:
//!
//! - [`server::serve`] accepts connections and gives each one a thread;
//! - [`reader::read_head`] reads one request head off the connection (a size limit, a
//!   deadline, and the bytes after it kept for the next request);
//! - [`request::parse`] turns the head into a [`request::Request`], or the status that
//!   refuses it (400, 505);
//! - [`files::resolve`] maps the request target to a file under the root, or refuses it
//!   (403, 404): this is where path traversal is stopped;
//! - [`response::file_response`] makes the response for a file (Content-Length in bytes);
//! - [`response::write`] writes a response, without its body for HEAD;
//! - [`connection::keep_alive`] decides whether the connection stays open afterwards.
//!
//! [`connection::handle`] runs them in a loop for one connection.

pub use lab_support::lab05 as cli;
pub mod connection;
pub mod files;
pub mod reader;
pub mod request;
pub mod response;
pub mod server;
pub use lab_support::lab05::tables;

use std::io::{self, BufWriter};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use cli::Config;
use request::Request;
use response::Response;

/// The pieces a request goes through. See the crate docs for the order.
#[derive(Clone, Copy)]
pub struct Parts {
    pub serve: fn(TcpListener, Arc<Config>, Parts) -> io::Result<()>,
    pub read_head: reader::ReadHead,
    pub parse: fn(&[u8]) -> Result<Request, u16>,
    pub resolve: fn(&Path, &str) -> Result<PathBuf, u16>,
    pub file_response: fn(&Path) -> io::Result<Response>,
    pub write: fn(&mut BufWriter<TcpStream>, Response, bool) -> io::Result<()>,
    pub keep_alive: fn(&Request) -> bool,
}

/// The reference solution's pieces.
pub const REFERENCE: Parts = Parts {
    serve: server::serve,
    read_head: reader::read_head,
    parse: request::parse,
    resolve: files::resolve,
    file_response: response::file_response,
    write: response::write,
    keep_alive: connection::keep_alive,
};

/// The whole program: read the arguments, listen, announce, serve. Returns the exit code,
/// so that every way it can end is a message and a code, never a panic.
pub fn main(parts: Parts) -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab05: {message}");
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    let result = server::open(listen)
        .and_then(|listener| server::announce(&listener).map(|()| listener))
        .and_then(|listener| (parts.serve)(listener, Arc::new(config), parts));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab05: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}
