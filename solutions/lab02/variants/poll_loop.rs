//! A correct lab02 server in another style than the reference: one thread, non-blocking
//! sockets and a `poll(2)` loop, the way a C server built around `select`/`poll` looks.
//!
//! It exists to keep the grader honest. The grader judges what a server does on the wire,
//! never how it is built, so this server must pass every check the thread-per-client
//! reference passes (`tests/proof.rs` asserts it).
//!
//! One loop serves everyone: it asks the kernel which sockets are ready, accepts new
//! clients, reads what arrived into each client's own queue of echo bytes, and writes as
//! much of each queue as the client's socket takes. A client that does not read keeps its
//! queue, and once that holds `MAX_QUEUED` bytes the loop stops reading from it, so a slow
//! reader costs a bounded amount of memory and holds up nobody.

use std::io::{self, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::process::ExitCode;

use lab_support::lab02 as cli;

/// How much one read takes at most.
const READ_CHUNK: usize = 16 * 1024;
/// How many echo bytes may wait for one client before the loop stops reading from it.
const MAX_QUEUED: usize = 256 * 1024;

/// One client: its socket and the echo bytes it has not taken yet.
struct Client {
    stream: TcpStream,
    peer: SocketAddr,
    queued: Vec<u8>,
    /// The client has shut down its sending side: finish the echo, then close.
    finished_sending: bool,
}

fn main() -> ExitCode {
    let listen = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve { listen }) => listen,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab02: {message}");
            return ExitCode::from(2);
        }
    };
    // std's bind sets SO_REUSEADDR on Unix, and takes the family from the address.
    let result = TcpListener::bind(listen).and_then(|listener| {
        let mut out = io::stdout().lock();
        writeln!(out, "listening on {}", listener.local_addr()?)?;
        out.flush()?;
        listener.set_nonblocking(true)?;
        serve(listener)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab02: cannot serve on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(listener: TcpListener) -> io::Result<()> {
    let mut clients: Vec<Client> = Vec::new();
    loop {
        // What each socket waits for: the listener for clients; a client for bytes to read
        // (unless its queue is full or it has finished sending) and for room to write (when
        // its queue is not empty).
        let mut ready: Vec<libc::pollfd> = vec![poll_for(&listener, libc::POLLIN)];
        for client in &clients {
            let mut events = 0;
            if !client.finished_sending && client.queued.len() < MAX_QUEUED {
                events |= libc::POLLIN;
            }
            if !client.queued.is_empty() {
                events |= libc::POLLOUT;
            }
            ready.push(poll_for(&client.stream, events));
        }
        // SAFETY: `ready` is a valid array of `ready.len()` pollfd structs for the call.
        let n = unsafe { libc::poll(ready.as_mut_ptr(), ready.len() as libc::nfds_t, -1) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        // Serve the clients that were polled (new ones join the next round), then accept.
        let mut index = 0;
        clients.retain_mut(|client| {
            let events = ready[index + 1].revents;
            index += 1;
            if events == 0 {
                return true;
            }
            match serve_client(client) {
                Ok(true) => true,
                Ok(false) => {
                    eprintln!("disconnected {}", client.peer);
                    false
                }
                Err(e) => {
                    eprintln!("disconnected {}: {e}", client.peer);
                    false
                }
            }
        });
        if ready[0].revents != 0 {
            accept_all(&listener, &mut clients);
        }
    }
}

fn poll_for(socket: &impl AsRawFd, events: libc::c_short) -> libc::pollfd {
    libc::pollfd {
        fd: socket.as_raw_fd(),
        events,
        revents: 0,
    }
}

/// Accepts every client waiting in the listener's queue.
fn accept_all(listener: &TcpListener, clients: &mut Vec<Client>) {
    loop {
        match listener.accept() {
            Ok((stream, peer)) => {
                if let Err(e) = stream.set_nonblocking(true) {
                    eprintln!("disconnected {peer}: {e}");
                    continue;
                }
                eprintln!("connected {peer}");
                clients.push(Client {
                    stream,
                    peer,
                    queued: Vec::new(),
                    finished_sending: false,
                });
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => return,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            // One failed accept (a client that reset already, no file descriptor left):
            // the loop goes on, and tries again when the listener is ready again.
            Err(e) => {
                eprintln!("accept failed: {e}");
                return;
            }
        }
    }
}

/// Reads what is there and writes what the socket takes. `Ok(false)` when the client is
/// done: it finished sending and got every byte back.
fn serve_client(client: &mut Client) -> io::Result<bool> {
    let mut chunk = [0u8; READ_CHUNK];
    while !client.finished_sending && client.queued.len() < MAX_QUEUED {
        match client.stream.read(&mut chunk) {
            Ok(0) => client.finished_sending = true,
            Ok(n) => client.queued.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    while !client.queued.is_empty() {
        match client.stream.write(&client.queued) {
            Ok(n) => {
                client.queued.drain(..n);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(!(client.finished_sending && client.queued.is_empty()))
}
