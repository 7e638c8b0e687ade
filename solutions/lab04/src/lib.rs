//! The reference solution of lab04: a line-based chat server on tokio, one task per client.
//!
//! Every client gets a task of its own, and the tasks meet in one place, a broadcast
//! channel. The server is small modules that call each other, in the order a client meets
//! them:
//!
//! - [`app`] is the program: read the arguments, start the runtime, listen, serve;
//! - [`server`] binds, announces the address and accepts clients forever. Each client joins
//!   the chat, and `* PEER joined` goes out, *before* its task is spawned, so that the chat's
//!   members change in the order the server accepted them;
//! - [`client`] is the rest of a client's life: its two halves at the same time, then
//!   `* PEER left`, however it ended;
//! - [`incoming`] is the reading half: every line the client sends, published;
//! - [`outgoing`] is the writing half: everyone else's messages, written to the client;
//! - [`lines`] is the framing: the next line, of at most 8 KiB, from a buffered reader;
//! - [`chat`] is the state the tasks share: a bounded broadcast channel, so that a client
//!   that stops reading costs a bounded amount of memory and holds up nobody.
//!
//! The classic-bug variants in `bugs/` are this program with one module replaced by the
//! mistaken version (each bug file says which); every other module is compiled from the
//! files here.

pub mod app;
pub mod chat;
pub mod client;
pub mod incoming;
pub mod lines;
pub mod outgoing;
pub mod server;
