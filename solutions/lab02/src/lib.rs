//! The reference solution of lab02: a TCP echo server on blocking sockets, one thread per
//! client.
//!
//! A server here is four small modules, in the order a connection meets them:
//!
//! - [`app`] is the program: read the arguments, open the socket, announce it, serve;
//! - [`listener`] makes the listening socket, one system call at a time;
//! - [`server`] accepts clients forever and gives each one a thread;
//! - [`echo`] is what one client gets: its bytes back, until it stops sending.
//!
//! The classic-bug variants in `bugs/` are this program with one module replaced by the
//! mistaken version (each bug file says which); every other module is compiled from the
//! files here.

pub mod app;
pub mod echo;
pub mod listener;
pub mod server;
