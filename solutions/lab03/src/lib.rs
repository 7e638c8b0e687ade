//! The reference solution of lab03: a UDP sender, receiver and echo server, each on one
//! blocking `std::net::UdpSocket`.
//!
//! The program is five small modules, in the order a datagram meets them:
//!
//! - [`app`] is the program: read the arguments, then send, receive or echo;
//! - [`socket`] binds a socket, says where it is, and sizes the receive buffer;
//! - [`send`] sends each message as one datagram, after checking that all of them fit;
//! - [`recv`] prints one line per datagram that arrives;
//! - [`echo`] sends every datagram back to whoever sent it.
//!
//! Compared with lab02's TCP server, what is missing is the point: no listen, no accept, no
//! connection per client, no EOF. A bound UDP socket can send to and receive from anyone.
//!
//! The classic-bug variants in `bugs/` are this program with one module replaced by the
//! mistaken version (each bug file says which); every other module is compiled from the
//! files here. `variants/` holds correct programs written in another style, which the
//! grader must pass too.

pub mod app;
pub mod echo;
pub mod recv;
pub mod send;
pub mod socket;
