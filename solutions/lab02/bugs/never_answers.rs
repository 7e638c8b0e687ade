//! Not a learner's bug but the grader's worst case: a server that accepts every connection
//! and then never reads, writes or closes. Every check that talks to it must fail on its own
//! deadline, and the whole grader must still finish in under 30 seconds (see
//! `a_server_that_never_answers_fails_fast` in tests/proof.rs).

use std::io;
use std::net::{SocketAddr, TcpStream};
use std::thread;
use std::time::Duration;

use lab02_solution::{Parts, REFERENCE};

fn hold_forever(stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    loop {
        thread::sleep(Duration::from_secs(3600));
        let _ = &stream;
    }
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        handle: hold_forever,
        ..REFERENCE
    })
}
