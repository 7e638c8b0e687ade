//! The reference solution of lab05: a static-file HTTP/1.1 server on blocking sockets, one
//! thread per connection.
//!
//! # Why threads, not tokio
//!
//! Every connection here does the same few blocking things in order: read a request head,
//! open a file, write a response, and again. With a thread per connection that order is the
//! order of the code, and the two defences a public server needs are a few lines each: a
//! deadline for each request head (`set_read_timeout`, recomputed before every read so that
//! a client who trickles one byte at a time cannot stretch it) and one for each response
//! (`set_write_timeout`, recomputed the same way before every write). It also needs nothing
//! but `std`, so the lab builds in seconds. The price is a thread (a stack, a kernel task)
//! for every open connection, idle keep-alive ones included: fine for hundreds of clients,
//! not for tens of thousands, where chapter 4's tokio and real servers' event loops win.
//! The deadline keeps that price bounded: a silent or slow client gives its thread back
//! after `--timeout` seconds. (`variants/tokio_server.rs` is the same server on tokio.)
//!
//! # The modules, in the order a request meets them
//!
//! - [`app`] is the program: read the arguments, listen, announce, serve;
//! - [`listener`] opens the listening socket and announces its address;
//! - [`server`] accepts connections and gives each one a thread;
//! - [`connection`] is the loop of one connection: read a head, parse it, answer, again;
//! - [`reader`] reads one request head off the stream (a size limit, a deadline, and the
//!   bytes after it kept for the next request);
//! - [`request`] parses the head into a [`request::Request`], or the status that refuses it;
//! - [`target`] reads the request target (origin or absolute form) and checks the Host
//!   header;
//! - [`framing`] decides from Content-Length and Transfer-Encoding whether a body follows:
//!   the part of a request that request smuggling attacks;
//! - [`keep_alive`] decides whether the connection stays open after the response;
//! - [`route`] picks the response: a file, or 405, 501, 403, 404;
//! - [`files`] maps the request target to a file under the root, without ever leaving it;
//! - [`response`] builds and writes a response (Content-Length in bytes, no body for HEAD,
//!   a small one in one write);
//! - [`sending`] gives every response a deadline, so that a slow reader cannot hold a thread;
//! - [`closing`] ends a connection so that the client still gets the last response, and
//!   logs one line per request.
//!
//! The classic-bug variants in `bugs/` are this program with one module replaced by the
//! mistaken version (each bug file says which); every other module is compiled from the
//! files here.

pub mod app;
pub mod closing;
pub mod connection;
pub mod files;
pub mod framing;
pub mod keep_alive;
pub mod listener;
pub mod reader;
pub mod request;
pub mod response;
pub mod route;
pub mod sending;
pub mod server;
pub mod target;
