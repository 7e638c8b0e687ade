//! Classic bug: closes the connection after every response.
//!
//! Correct for HTTP/1.0, wrong for HTTP/1.1, whose connections persist unless the client
//! says `Connection: close`: the client's second request on the connection gets nothing.
//! Caught by `keeps_the_connection_open`.

use lab05_solution::request::Request;
use lab05_solution::{Parts, REFERENCE};

fn never(_: &Request) -> bool {
    false
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        keep_alive: never,
        ..REFERENCE
    })
}
