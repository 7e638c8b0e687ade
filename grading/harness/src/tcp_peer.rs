//! Scripted TCP peers: small servers written inside the grader, for labs whose program is a
//! client.
//!
//! When the program under test is a server, a check connects to it ([`crate::Client`]). When
//! it is a client, the roles turn round: the check starts a [`Peer`] on `127.0.0.1:0`, passes
//! [`Peer::addr`] to the program on its command line, and the peer's *script* (a closure the
//! check writes) plays the server for the one connection the program makes. The script sees
//! exactly what the program sent and decides what it gets back, byte by byte and pause by
//! pause, which is how a check provokes partial reads or pushes a line before the program
//! has said anything.
//!
//! The rules of the harness hold here too. Nothing waits forever: accepting, reading, writing,
//! pausing and waiting for a signal from the check all have deadlines. A peer is torn down
//! when it is dropped, also when the check panics or runs out of time: its connection is shut
//! down, which wakes a script blocked on it, and every wait ends early. Only plain `std`
//! networking is used, so a grader stays quick to build.

use std::io::{self, ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::client::Ending;
use crate::ctx::Ctx;
use crate::failure::Failure;
use crate::process::lock;

/// How long a peer waits for the program to connect before it gives up.
pub const ACCEPT_LIMIT: Duration = Duration::from_secs(15);
/// How long one write to the program may block (a program that stops reading).
const WRITE_LIMIT: Duration = Duration::from_secs(5);
/// How often waits that cannot block on the socket look at the stop flag.
const TICK: Duration = Duration::from_millis(5);

/// What the peer and the check share.
#[derive(Default)]
struct Shared {
    /// The check is done with the peer: every wait of the script ends now.
    stop: AtomicBool,
    /// The program has exited: a connection that is not queued by now will never come.
    last_call: AtomicBool,
    /// The program connected.
    connected: AtomicBool,
    /// The peer stopped waiting for a connection (none came).
    gave_up: AtomicBool,
    /// A handle on the accepted connection, so that dropping the peer can shut it down.
    conn: Mutex<Option<TcpStream>>,
}

/// How a script's run ended without a result.
enum Missed {
    /// The program never connected.
    NoConnection,
    /// The script itself panicked: a bug in the grader.
    Panicked(String),
}

/// A server scripted by a check, serving the one connection the program under test makes.
pub struct Peer<T> {
    lang: Lang,
    addr: SocketAddr,
    shared: Arc<Shared>,
    result: Receiver<Result<T, Missed>>,
}

impl Ctx {
    /// Starts a scripted peer on `127.0.0.1:0`. `script` runs on its own thread with the
    /// first connection the program makes; what it returns comes back from
    /// [`Peer::finish`].
    pub fn start_tcp_peer<T, F>(&self, script: F) -> Result<Peer<T>, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        Peer::start(self.lang(), script)
    }

    /// [`Ctx::start_tcp_peer`] on another loopback address: `[::1]` to check that the program
    /// connects over IPv6 too.
    pub fn start_tcp_peer_on<T, F>(&self, ip: IpAddr, script: F) -> Result<Peer<T>, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        Peer::start_on(self.lang(), ip, script)
    }
}

impl<T: Send + 'static> Peer<T> {
    /// See [`Ctx::start_tcp_peer`].
    pub fn start<F>(lang: Lang, script: F) -> Result<Peer<T>, Failure>
    where
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        Self::start_on(lang, IpAddr::from([127, 0, 0, 1]), script)
    }

    /// See [`Ctx::start_tcp_peer_on`].
    pub fn start_on<F>(lang: Lang, ip: IpAddr, script: F) -> Result<Peer<T>, Failure>
    where
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        let trouble = |e: io::Error| {
            Failure::new(lang.pick(
                format!("the grader could not start its server: {e}"),
                format!("채점기가 자기 서버를 시작하지 못했습니다: {e}"),
            ))
        };
        let listener = TcpListener::bind(SocketAddr::new(ip, 0)).map_err(trouble)?;
        let addr = listener.local_addr().map_err(trouble)?;
        // Non-blocking, so that waiting for the program to connect can have a deadline and
        // notice the stop flag.
        listener.set_nonblocking(true).map_err(trouble)?;
        let shared = Arc::new(Shared::default());
        let (tx, result) = mpsc::channel();
        let theirs = shared.clone();
        thread::Builder::new()
            .name(format!("peer {addr}"))
            .spawn(move || {
                let outcome = match accept(&listener, &theirs) {
                    None => Err(Missed::NoConnection),
                    Some(stream) => {
                        drop(listener);
                        let mut conn = Conn {
                            stream,
                            shared: theirs,
                            pending: Vec::new(),
                        };
                        let outcome = panic::catch_unwind(AssertUnwindSafe(|| script(&mut conn)))
                            .map_err(|p| Missed::Panicked(panic_message(p)));
                        // The script is done: close the connection. The handle kept for
                        // Drop is a second descriptor of the same socket, and the socket
                        // only closes (FIN) when both are gone.
                        let shared = conn.shared.clone();
                        drop(conn);
                        drop(lock(&shared.conn).take());
                        outcome
                    }
                };
                let _ = tx.send(outcome);
            })
            .map_err(trouble)?;
        Ok(Peer {
            lang,
            addr,
            shared,
            result,
        })
    }

    /// The address the program must connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Whether the program has connected (so far).
    pub fn connected(&self) -> bool {
        self.shared.connected.load(Ordering::SeqCst)
    }

    /// Whether the program connected at all. Call it once the program has exited: the peer
    /// then takes one last look for a queued connection and stops waiting, so the answer
    /// comes within milliseconds (`limit` is only a safety net).
    pub fn connection_made(&self, limit: Duration) -> bool {
        self.shared.last_call.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + limit;
        loop {
            if self.connected() {
                return true;
            }
            if self.shared.gave_up.load(Ordering::SeqCst) || Instant::now() >= deadline {
                return false;
            }
            thread::sleep(TICK);
        }
    }

    /// The failure that says the program never connected to this peer.
    pub fn no_connection(&self) -> Failure {
        Failure::new(self.lang.pick(
            format!(
                "the program never connected to the grader's server at {}",
                self.addr
            ),
            format!(
                "프로그램이 채점기의 서버({})에 연결하지 않았습니다",
                self.addr
            ),
        ))
    }

    /// Waits up to `limit` for the script's result. Call it once the program has exited:
    /// a program that never connected is then reported at once, instead of after the
    /// accept limit.
    pub fn finish(&self, limit: Duration) -> Result<T, Failure> {
        self.shared.last_call.store(true, Ordering::SeqCst);
        self.wait(limit)
    }

    /// Waits up to `limit` for the script's result while the program may still be running.
    pub fn wait(&self, limit: Duration) -> Result<T, Failure> {
        let lang = self.lang;
        match self.result.recv_timeout(limit) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(Missed::NoConnection)) => Err(self.no_connection()),
            Ok(Err(Missed::Panicked(message))) => Err(Failure::new(lang.pick(
                format!("the grader's server failed (a bug in the grader, please report it): {message}"),
                format!("채점기의 서버가 실패했습니다(채점기의 버그이니 알려 주세요): {message}"),
            ))),
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                Err(Failure::new(lang.pick(
                    format!(
                        "the grader's server at {} was still busy with the program after {:.1} s",
                        self.addr,
                        limit.as_secs_f64()
                    ),
                    format!(
                        "{:.1}초가 지나도 채점기의 서버({})가 프로그램과의 주고받기를 끝내지 못했습니다",
                        limit.as_secs_f64(),
                        self.addr
                    ),
                )))
            }
        }
    }
}

impl<T> Drop for Peer<T> {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes a script blocked in a read or a write on the connection.
        if let Some(conn) = lock(&self.shared.conn).as_ref() {
            let _ = conn.shutdown(Shutdown::Both);
        }
    }
}

/// Waits for the program's connection until the deadline, the stop flag, or the last call.
fn accept(listener: &TcpListener, shared: &Shared) -> Option<TcpStream> {
    let deadline = Instant::now() + ACCEPT_LIMIT;
    loop {
        // Read the flags *before* trying: after the last call, one more accept still
        // picks up a connection that was queued before the program exited.
        let giving_up = shared.stop.load(Ordering::SeqCst)
            || shared.last_call.load(Ordering::SeqCst)
            || Instant::now() >= deadline;
        match listener.accept() {
            Ok((stream, _)) => {
                // Accepted sockets do not inherit non-blocking mode on Linux, but say it.
                if stream.set_nonblocking(false).is_err() {
                    shared.gave_up.store(true, Ordering::SeqCst);
                    return None;
                }
                stream.set_nodelay(true).ok();
                stream.set_write_timeout(Some(WRITE_LIMIT)).ok();
                *lock(&shared.conn) = stream.try_clone().ok();
                shared.connected.store(true, Ordering::SeqCst);
                return Some(stream);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock && !giving_up => thread::sleep(TICK),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => {
                shared.gave_up.store(true, Ordering::SeqCst);
                return None;
            }
        }
    }
}

fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// The connection a script serves: the program under test is on the other end.
pub struct Conn {
    stream: TcpStream,
    shared: Arc<Shared>,
    /// Bytes received but not handed out yet.
    pending: Vec<u8>,
}

impl Conn {
    /// True once the check is done with the peer; a script should wrap up.
    pub fn stopped(&self) -> bool {
        self.shared.stop.load(Ordering::SeqCst)
    }

    /// The socket itself.
    pub fn stream(&self) -> &TcpStream {
        &self.stream
    }

    /// Reads more into `pending`, waiting until `deadline` at most. `None` while all is well.
    fn fill(&mut self, deadline: Instant, limit: Duration) -> Option<Ending> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Some(Ending::Silence(limit));
        }
        if self.stopped() {
            return Some(Ending::Error("the check ended".into()));
        }
        self.stream.set_read_timeout(Some(left)).ok();
        let mut buf = [0u8; 16 * 1024];
        match self.stream.read(&mut buf) {
            Ok(0) => Some(Ending::Eof),
            Ok(n) => {
                self.pending.extend_from_slice(&buf[..n]);
                None
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                Some(Ending::Silence(limit))
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => None,
            Err(e) => Some(Ending::Error(e.to_string())),
        }
    }

    /// Reads until `pending` holds `marker`, and returns everything up to and including it
    /// (the rest stays pending). When the marker does not come, returns what did come, with
    /// how the wait ended.
    pub fn read_through(&mut self, marker: &[u8], limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(at) = find(&self.pending, marker) {
                let rest = self.pending.split_off(at + marker.len());
                return (std::mem::replace(&mut self.pending, rest), Ending::Complete);
            }
            if let Some(ending) = self.fill(deadline, limit) {
                return (std::mem::take(&mut self.pending), ending);
            }
        }
    }

    /// Reads until the first of several markers, whichever comes first in the data.
    pub fn read_through_any(&mut self, markers: &[&[u8]], limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            let found = markers
                .iter()
                .filter_map(|m| find(&self.pending, m).map(|at| at + m.len()))
                .min();
            if let Some(end) = found {
                let rest = self.pending.split_off(end);
                return (std::mem::replace(&mut self.pending, rest), Ending::Complete);
            }
            if let Some(ending) = self.fill(deadline, limit) {
                return (std::mem::take(&mut self.pending), ending);
            }
        }
    }

    /// Reads one line, `\n` included. `None` with the ending when no whole line came; what
    /// did come of it stays pending.
    pub fn read_line(&mut self, limit: Duration) -> (Option<Vec<u8>>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(at) = self.pending.iter().position(|&b| b == b'\n') {
                let rest = self.pending.split_off(at + 1);
                return (
                    Some(std::mem::replace(&mut self.pending, rest)),
                    Ending::Complete,
                );
            }
            if let Some(ending) = self.fill(deadline, limit) {
                return (None, ending);
            }
        }
    }

    /// Reads everything until the program closes its sending side (then the ending is
    /// [`Ending::Eof`]) or `limit` passes.
    pub fn read_to_eof(&mut self, limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(ending) = self.fill(deadline, limit) {
                return (std::mem::take(&mut self.pending), ending);
            }
        }
    }

    /// Bytes that arrived but were not handed out yet.
    pub fn take_pending(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.pending)
    }

    /// Writes all of `data`.
    pub fn send(&mut self, data: &[u8]) -> io::Result<()> {
        if self.stopped() {
            return Err(io::Error::other("the check ended"));
        }
        self.stream.write_all(data)?;
        self.stream.flush()
    }

    /// Writes `data` in pieces of the given sizes (cycled), pausing `pause` after each piece
    /// but the last, so that the program's reads see the data in many small parts.
    pub fn send_in_pieces(
        &mut self,
        data: &[u8],
        sizes: &[usize],
        pause: Duration,
    ) -> io::Result<()> {
        let sizes: Vec<usize> = sizes.iter().copied().filter(|&n| n > 0).collect();
        let mut sizes = sizes.iter().cycle();
        let mut at = 0;
        while at < data.len() {
            let n = (*sizes.next().unwrap_or(&data.len())).min(data.len() - at);
            self.send(&data[at..at + n])?;
            at += n;
            if at < data.len() && !self.pause(pause) {
                return Err(io::Error::other("the check ended"));
            }
        }
        Ok(())
    }

    /// Sleeps for `d`, or less when the check ends first (then returns false).
    pub fn pause(&self, d: Duration) -> bool {
        let deadline = Instant::now() + d;
        while Instant::now() < deadline {
            if self.stopped() {
                return false;
            }
            thread::sleep(TICK.min(deadline.saturating_duration_since(Instant::now())));
        }
        !self.stopped()
    }

    /// Waits up to `limit` for a signal from the check (sent on the other end of `signals`).
    /// `None` when none came, or the check ended.
    pub fn wait_for<U>(&self, signals: &Receiver<U>, limit: Duration) -> Option<U> {
        let deadline = Instant::now() + limit;
        loop {
            if self.stopped() {
                return None;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            match signals.recv_timeout(left.min(Duration::from_millis(20))) {
                Ok(value) => return Some(value),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Keeps the connection open, without sending or closing, until the check ends or
    /// `limit` passes; reads and keeps what the program sends meanwhile, so its writes never
    /// block. Returns what came, with how it ended.
    pub fn hold(&mut self, limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            // Short reads, so that the stop flag is seen within a tick or two even if the
            // shutdown in Peer::drop raced with this read's start.
            let slice = Instant::now() + Duration::from_millis(50);
            match self.fill(slice.min(deadline), limit) {
                None => {}
                Some(Ending::Silence(_)) if Instant::now() < deadline && !self.stopped() => {}
                Some(ending) => return (std::mem::take(&mut self.pending), ending),
            }
        }
    }

    /// Closes the sending side only: the program reads EOF, and can still send.
    pub fn shutdown_write(&self) -> io::Result<()> {
        self.stream.shutdown(Shutdown::Write)
    }
}

/// A loopback port where connecting is refused, for as long as this value lives.
pub struct RefusingPort {
    /// Bound but never listening: it holds the port, so that no one else can listen there
    /// while the check runs, and the kernel answers a connection attempt with a reset.
    _socket: socket2::Socket,
    pub addr: SocketAddr,
}

impl RefusingPort {
    /// A refusing port on 127.0.0.1.
    pub fn new(lang: Lang) -> Result<RefusingPort, Failure> {
        Self::new_on(lang, IpAddr::from([127, 0, 0, 1]))
    }

    /// A refusing port on `ip` (`::1` for IPv6).
    pub fn new_on(lang: Lang, ip: IpAddr) -> Result<RefusingPort, Failure> {
        let trouble = |e: io::Error| {
            Failure::new(lang.pick(
                format!("the grader could not reserve a port: {e}"),
                format!("채점기가 포트를 확보하지 못했습니다: {e}"),
            ))
        };
        let any = SocketAddr::new(ip, 0);
        let socket = socket2::Socket::new(
            socket2::Domain::for_address(any),
            socket2::Type::STREAM,
            None,
        )
        .map_err(trouble)?;
        socket.bind(&any.into()).map_err(trouble)?;
        let addr = socket
            .local_addr()
            .map_err(trouble)?
            .as_socket()
            .ok_or_else(|| trouble(io::Error::other("not an IP address")))?;
        Ok(RefusingPort {
            _socket: socket,
            addr,
        })
    }
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_sees_what_the_program_sends_and_answers() {
        let peer = Peer::start(Lang::En, |conn: &mut Conn| {
            let (head, ending) = conn.read_through(b"\r\n\r\n", Duration::from_secs(5));
            conn.send(b"answer").unwrap();
            (head, ending, conn.take_pending())
        })
        .unwrap();
        let mut client = TcpStream::connect(peer.addr()).unwrap();
        client.write_all(b"GET / HTTP/1.1\r\n\r\nextra").unwrap();
        let mut answer = Vec::new();
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        client.read_to_end(&mut answer).unwrap();
        assert_eq!(answer, b"answer");
        let (head, ending, rest) = peer.finish(Duration::from_secs(5)).unwrap();
        assert_eq!(head, b"GET / HTTP/1.1\r\n\r\n");
        assert_eq!(ending, Ending::Complete);
        // What came after the marker in the same read is kept, not lost.
        assert!(b"extra".starts_with(&rest), "{rest:?}");
    }

    #[test]
    fn no_connection_is_reported_at_once_after_the_last_call() {
        let peer = Peer::start(Lang::En, |_: &mut Conn| ()).unwrap();
        let started = Instant::now();
        let failure = peer.finish(Duration::from_secs(5)).unwrap_err();
        assert!(failure.problem.contains("never connected"), "{failure}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_refusing_port_refuses() {
        let port = RefusingPort::new(Lang::En).unwrap();
        let err = TcpStream::connect(port.addr).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ConnectionRefused);
    }

    #[test]
    fn dropping_the_peer_wakes_a_script_that_holds_the_connection() {
        let (tx, rx) = mpsc::channel();
        let peer = Peer::start(Lang::En, move |conn: &mut Conn| {
            let held = conn.hold(Duration::from_secs(30));
            let _ = tx.send(held.1);
        })
        .unwrap();
        let _client = TcpStream::connect(peer.addr()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while !peer.connected() && Instant::now() < deadline {
            thread::sleep(TICK);
        }
        drop(peer);
        let ending = rx.recv_timeout(Duration::from_secs(2)).unwrap();
        assert_ne!(ending, Ending::Silence(Duration::from_secs(30)));
    }
}
