//! A correct lab04 server in another style: std threads and no async runtime.
//!
//! The grader checks the contract, not the reference's design. This server keeps the same
//! contract with none of the reference's pieces, and `tests/proof.rs` shows it passes every
//! check:
//!
//! - a thread per direction of every client: a reader that publishes the client's lines, and
//!   a writer that empties the client's own queue into its socket;
//! - the chat is a list of members behind one lock, each with a *bounded* queue
//!   (`sync_channel`). Publishing puts a message in every other member's queue with
//!   `try_send`, which never waits;
//! - the other policy for a slow reader: a member whose queue is full is disconnected (and
//!   the others told `* PEER left`), where the reference drops its oldest messages instead;
//! - its own framing: a plain `read` loop that cuts lines at `\n`, rather than a buffered
//!   reader; and the bytes after the last `\n` of a client that closes are dropped, where
//!   the reference publishes them (the contract allows both);
//! - its own idle timeout: the socket's read timeout (SO_RCVTIMEO), which starts again with
//!   every read that brings bytes, where the reference starts it again with every line (the
//!   contract allows both).
//!
//! Everything that changes who is a member, and every message, goes through the lock, so
//! members join in the order they were accepted and every member sees the messages in the
//! same order.

use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use lab_support::lab04 as cli;

/// The longest line, without its `\n` or `\r\n`.
const MAX_LINE: usize = 8 * 1024;
/// How many messages may wait for one member before it counts as too slow.
const QUEUE: usize = 1024;
/// A reader or writer thread needs little stack: its buffers are small or on the heap.
const STACK: usize = 128 * 1024;

/// A message ready to write, `\n` included, shared by every queue it is in.
type Message = Arc<[u8]>;

struct Member {
    addr: SocketAddr,
    queue: SyncSender<Message>,
    stream: Arc<TcpStream>,
}

/// Every member, in the order they joined.
#[derive(Default)]
struct Room {
    members: Mutex<Vec<Member>>,
}

impl Room {
    fn lock(&self) -> MutexGuard<'_, Vec<Member>> {
        self.members.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes `member` a member, after telling the others it joined.
    fn join(&self, member: Member) {
        let mut members = self.lock();
        let addr = member.addr;
        publish(&mut members, addr, format!("* {addr} joined\n"));
        members.push(member);
    }

    fn publish(&self, from: SocketAddr, line: String) {
        publish(&mut self.lock(), from, line);
    }

    /// Ends `addr`'s membership, if it is still a member, and tells the others, once.
    fn leave(&self, addr: SocketAddr) {
        let mut members = self.lock();
        if let Some(at) = members.iter().position(|m| m.addr == addr) {
            let gone = members.remove(at);
            disconnect(&gone);
            publish(&mut members, addr, format!("* {addr} left\n"));
        }
    }
}

/// Queues `line` for every member but `from`. A member whose queue is full is too slow: it is
/// disconnected, and its departure is published in turn.
fn publish(members: &mut Vec<Member>, from: SocketAddr, line: String) {
    let mut pending = vec![(from, Message::from(line.into_bytes()))];
    while let Some((from, message)) = pending.pop() {
        let mut i = 0;
        while i < members.len() {
            let member = &members[i];
            if member.addr == from {
                i += 1;
                continue;
            }
            match member.queue.try_send(message.clone()) {
                Ok(()) => i += 1,
                Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                    let gone = members.remove(i);
                    eprintln!("{}: too slow, disconnected", gone.addr);
                    disconnect(&gone);
                    let addr = gone.addr;
                    pending.push((addr, Message::from(format!("* {addr} left\n").into_bytes())));
                }
            }
        }
    }
}

/// Closes both directions: the reader's `read` returns 0 and the writer's `write` fails, so
/// both threads end, and the last `Arc` closes the socket.
fn disconnect(member: &Member) {
    member.stream.shutdown(Shutdown::Both).ok();
}

fn main() -> ExitCode {
    let config = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Serve(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("lab04: {message}");
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    let listener = match TcpListener::bind(listen).and_then(|l| announce(&l).map(|()| l)) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("lab04: cannot serve on {listen}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let room = Arc::new(Room::default());
    let mut pause = Duration::from_millis(10);
    loop {
        match listener.accept() {
            Ok((stream, addr)) => {
                pause = Duration::from_millis(10);
                admit(&room, stream, addr, config.idle);
            }
            Err(e) => {
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_secs(1));
            }
        }
    }
}

fn announce(listener: &TcpListener) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()
}

/// Makes the client a member, here in the accept loop, and starts its two threads.
fn admit(room: &Arc<Room>, stream: TcpStream, addr: SocketAddr, idle: Duration) {
    stream.set_nodelay(true).ok();
    // The idle timeout: a read that waits this long fails, and the client leaves.
    if let Err(e) = stream.set_read_timeout(Some(idle)) {
        eprintln!("{addr}: cannot set a read timeout: {e}");
        return;
    }
    let stream = Arc::new(stream);
    let (queue, queued) = sync_channel(QUEUE);
    room.join(Member {
        addr,
        queue,
        stream: stream.clone(),
    });
    let writer = {
        let (room, stream) = (room.clone(), stream.clone());
        thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || write_queue(&room, &stream, addr, queued))
    };
    let reader = {
        let (room, stream) = (room.clone(), stream.clone());
        thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || read_lines(&room, &stream, addr))
    };
    if let Err(e) = writer.and(reader) {
        eprintln!("{addr}: cannot start a thread: {e}");
        room.leave(addr);
    }
}

/// Writes the member's queue to its socket until the queue is closed (it left) or a write
/// fails (its connection is gone).
fn write_queue(room: &Room, stream: &TcpStream, addr: SocketAddr, queued: Receiver<Message>) {
    for message in queued {
        if let Err(e) = (&*stream).write_all(&message) {
            eprintln!("{addr}: {e}");
            break;
        }
    }
    room.leave(addr);
}

/// Reads the client's lines and publishes each, until EOF, an error or a line too long.
fn read_lines(room: &Room, stream: &TcpStream, addr: SocketAddr) {
    match relay(room, stream, addr) {
        Ok(()) => eprintln!("{addr} left"),
        Err(e) => eprintln!("{addr} left: {e}"),
    }
    room.leave(addr);
}

fn relay(room: &Room, stream: &TcpStream, addr: SocketAddr) -> io::Result<()> {
    // The line so far; it never holds more than the longest line and a `\r`.
    let mut line = Vec::with_capacity(MAX_LINE + 1);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match (&*stream).read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            // The read timeout: nothing at all came for the idle time.
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(io::Error::new(
                    ErrorKind::TimedOut,
                    "silent for the idle timeout",
                ));
            }
            Err(e) => return Err(e),
        };
        let mut rest = &chunk[..n];
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            line.extend_from_slice(&rest[..end]);
            rest = &rest[end + 1..];
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if line.len() > MAX_LINE {
                return Err(too_long());
            }
            room.publish(
                addr,
                format!("{addr}: {}\n", String::from_utf8_lossy(&line)),
            );
            line.clear();
        }
        line.extend_from_slice(rest);
        // Still allowed: at most MAX_LINE bytes and the `\r` of a `\r\n` to come.
        if line.len() > MAX_LINE + 1 {
            return Err(too_long());
        }
    }
}

fn too_long() -> io::Error {
    io::Error::new(
        ErrorKind::InvalidData,
        format!("sent a line longer than {MAX_LINE} bytes"),
    )
}
