//! The reference solution of lab01: an HTTP/1.1 GET written by hand on a TCP socket, and a
//! client that talks and listens on one connection at the same time.
//!
//! `lab01 get URL` is HTTP with nothing hidden. The modules follow the request's way out and
//! the response's way back:
//!
//! - [`app`] is the program: read the arguments, run the command, turn the result into an
//!   exit code;
//! - [`url`] reads `http://HOST[:PORT]/PATH`;
//! - [`request`] writes the GET as the text it is;
//! - [`get`] connects, sends the request and reads the answer from the same socket, past
//!   any interim (1xx) responses to the final one;
//! - [`head`] reads a response's head, up to its empty line, and what it says, down to where
//!   the body ends;
//! - [`body`] copies the body, framed by its Content-Length or by the server closing.
//!
//! `lab01 talk ADDR` is what HTTP does not do: [`talk`] listens to the server and sends what
//! the user types, both at once, so the server may speak first, or often.
//!
//! The classic-bug variants in `bugs/` are this program with one module replaced by the
//! mistaken version (each bug file says which); every other module is compiled from the
//! files here.

pub mod app;
pub mod body;
pub mod get;
pub mod head;
pub mod request;
pub mod talk;
pub mod url;
