//! Classic bug: answers HEAD with a body.
//!
//! HEAD asks for the headers a GET would get, without the body. A client that sent HEAD
//! reads no body, so the bytes of one it did not expect are taken for the start of the
//! next response. Caught by `head_sends_headers_only`.

use std::io::{self, BufWriter};
use std::net::TcpStream;

use lab05_solution::response::{self, Response};
use lab05_solution::{Parts, REFERENCE};

fn write_body_anyway(
    out: &mut BufWriter<TcpStream>,
    response: Response,
    _head_only: bool,
) -> io::Result<()> {
    response::write(out, response, false)
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        write: write_body_anyway,
        ..REFERENCE
    })
}
