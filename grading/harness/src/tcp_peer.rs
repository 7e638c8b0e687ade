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

    /// [`Ctx::start_tcp_peer`] on a listener the check opened itself: on a fixed port (see
    /// [`loopback_listener_on_port`]), say.
    pub fn start_tcp_peer_with<T, F>(
        &self,
        listener: TcpListener,
        script: F,
    ) -> Result<Peer<T>, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        Peer::start_with_listener(self.lang(), listener, script)
    }
}

/// A listening socket on `port` (80, say) of some loopback address other than 127.0.0.1, for
/// a check that needs a fixed, well-known port: where a client goes when a URL names no port.
///
/// Linux routes all of 127.0.0.0/8 to the loopback interface, so an address picked at random
/// in it (127.x.y.z with x ≠ 0, which leaves out 127.0.0.1, systemd's 127.0.0.53 and
/// Debian's 127.0.1.1) is almost surely free, and checks that run at the same time each get
/// their own. When the port cannot be had here (a port below 1024 needs privileges on most
/// systems; macOS answers only on 127.0.0.1), the failure says the check could not measure:
/// a correct program must never fail because of the machine it is graded on.
pub fn loopback_listener_on_port(lang: Lang, port: u16) -> Result<TcpListener, Failure> {
    let not_measured = |e: &io::Error| {
        Failure::not_measured(lang.pick(
            format!("the grader could not listen on port {port} of a loopback address here ({e}); run the grader as a user who may bind that port (root, or with net.ipv4.ip_unprivileged_port_start lowered) to measure this"),
            format!("채점기가 이 컴퓨터에서 루프백 주소의 {port}번 포트에서 수신 대기하지 못했습니다({e}). 이 항목을 측정하려면 그 포트에 바인드할 수 있는 사용자(root, 또는 net.ipv4.ip_unprivileged_port_start를 낮춘 환경의 사용자)로 채점기를 실행해야 합니다"),
        ))
    };
    // std's RandomState is seeded from the OS's random source: a random start, without a
    // dependency for it.
    let mut seed = {
        use std::hash::{BuildHasher, Hasher};
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
            | 1
    };
    let mut last = None;
    for _ in 0..8 {
        // xorshift64: a fresh address on every attempt.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let [a, b, c, ..] = seed.to_le_bytes();
        let ip = std::net::Ipv4Addr::new(127, a.max(1), b, c.clamp(1, 254));
        match TcpListener::bind(SocketAddr::from((ip, port))) {
            Ok(listener) => return Ok(listener),
            // Someone has that address and port: try another address.
            Err(e) if e.kind() == ErrorKind::AddrInUse => last = Some(e),
            // No privilege, no such address: another address will not help.
            Err(e) => return Err(not_measured(&e)),
        }
    }
    Err(not_measured(
        &last.unwrap_or_else(|| io::Error::from(ErrorKind::AddrInUse)),
    ))
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
                format!("채점기가 검사용 서버를 시작하지 못했습니다: {e}"),
            ))
        };
        let listener = TcpListener::bind(SocketAddr::new(ip, 0)).map_err(trouble)?;
        Self::start_with_listener(lang, listener, script)
    }

    /// See [`Ctx::start_tcp_peer_with`].
    pub fn start_with_listener<F>(
        lang: Lang,
        listener: TcpListener,
        script: F,
    ) -> Result<Peer<T>, Failure>
    where
        F: FnOnce(&mut Conn) -> T + Send + 'static,
    {
        let trouble = |e: io::Error| {
            Failure::new(lang.pick(
                format!("the grader could not start its server: {e}"),
                format!("채점기가 검사용 서버를 시작하지 못했습니다: {e}"),
            ))
        };
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
                        "{:.1}초가 지나도 채점기의 서버({})가 프로그램과 주고받는 일을 끝내지 못했습니다",
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

    /// Makes the end of the script reset the connection instead of closing it: the program's
    /// next read fails ("connection reset by peer") once it has read what was sent before,
    /// where a close would give it EOF. Return from the script right after calling this.
    pub fn reset_at_end(&mut self) -> io::Result<()> {
        // SO_LINGER with a zero timeout: close() discards what is unsent and sends RST.
        socket2::SockRef::from(&self.stream).set_linger(Some(Duration::ZERO))?;
        // The handle kept for Drop would shut the connection down (FIN) if the check ended
        // first; without it, the script's own close is the only end, and it is a reset.
        drop(lock(&self.shared.conn).take());
        Ok(())
    }

    /// Waits until the program has read every byte sent to it so far, so that what the
    /// script sends next reaches it in a later `read`. This is how a check splits a line, or
    /// a UTF-8 character, across two reads of the program by construction, instead of
    /// hoping a pause is long enough.
    ///
    /// It asks the kernel about both ends of the connection (Linux's `sock_diag`, what `ss`
    /// uses): the grader's side has no bytes in flight (the program's kernel has them all)
    /// and the program's side has none waiting (the program has read them all).
    pub fn wait_until_read(&self, limit: Duration) -> Delivery {
        let (Ok(ours), Ok(theirs)) = (self.stream.local_addr(), self.stream.peer_addr()) else {
            return Delivery::Unknown;
        };
        let Some(diag) = diag::SockDiag::open() else {
            return Delivery::Unknown;
        };
        let deadline = Instant::now() + limit;
        loop {
            let unsent = diag.queues(ours, theirs).map(|(_, unacked)| unacked);
            let unread = diag.queues(theirs, ours).map(|(unread, _)| unread);
            match (unsent, unread) {
                (Some(0), Some(0)) => return Delivery::Read,
                (None, _) | (_, None) => return Delivery::Unknown,
                _ if self.stopped() || Instant::now() >= deadline => return Delivery::NotRead,
                _ => thread::sleep(Duration::from_millis(1)),
            }
        }
    }
}

/// What [`Conn::wait_until_read`] found out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The program has read every byte sent so far.
    Read,
    /// Within the limit, it did not.
    NotRead,
    /// This system does not say (not Linux).
    Unknown,
}

/// Asking the kernel about one TCP connection: `sock_diag` over netlink, with the exact
/// addresses and ports, which is what `ss` does. Reading `/proc/net/tcp` instead would
/// mean reading every socket on the machine (thousands, after a few grader runs) on every
/// look.
#[cfg(target_os = "linux")]
mod diag {
    use std::net::SocketAddr;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    /// `SOCK_DIAG_BY_FAMILY`, from `<linux/sock_diag.h>`.
    const SOCK_DIAG_BY_FAMILY: u16 = 20;
    /// `NLMSG_ERROR`, from `<linux/netlink.h>`.
    const NLMSG_ERROR: u16 = 2;
    /// `INET_DIAG_NOCOOKIE`: match by addresses and ports, not by a socket cookie.
    const NO_COOKIE: u32 = !0;

    /// A netlink socket for `sock_diag` requests.
    pub struct SockDiag(OwnedFd);

    impl SockDiag {
        pub fn open() -> Option<SockDiag> {
            // SAFETY: socket() takes no pointers; a negative result is checked.
            let fd = unsafe {
                libc::socket(
                    libc::AF_NETLINK,
                    libc::SOCK_DGRAM | libc::SOCK_CLOEXEC,
                    libc::NETLINK_SOCK_DIAG,
                )
            };
            if fd < 0 {
                return None;
            }
            // SAFETY: fd is a new descriptor that nothing else owns.
            let fd = unsafe { OwnedFd::from_raw_fd(fd) };
            // A request is answered at once; the timeout only guards against a kernel that
            // never answers.
            let timeout = libc::timeval {
                tv_sec: 1,
                tv_usec: 0,
            };
            // SAFETY: the option value is a timeval that lives across the call.
            unsafe {
                libc::setsockopt(
                    fd.as_raw_fd(),
                    libc::SOL_SOCKET,
                    libc::SO_RCVTIMEO,
                    (&raw const timeout).cast(),
                    size_of::<libc::timeval>() as libc::socklen_t,
                );
            }
            Some(SockDiag(fd))
        }

        /// The receive queue (bytes not read by the socket's owner) and the send queue
        /// (bytes not acknowledged by the other end) of the TCP socket bound to `local` and
        /// connected to `remote`. `None` when there is no such socket, or no answer.
        pub fn queues(&self, local: SocketAddr, remote: SocketAddr) -> Option<(u32, u32)> {
            self.lookup(local, remote).or_else(|| {
                // A program may use an IPv6 socket for an IPv4 connection (Java does): its
                // addresses are then IPv4-mapped, ::ffff:127.0.0.1.
                let mapped = |a: SocketAddr| match a {
                    SocketAddr::V4(v4) => {
                        Some(SocketAddr::new(v4.ip().to_ipv6_mapped().into(), v4.port()))
                    }
                    SocketAddr::V6(_) => None,
                };
                self.lookup(mapped(local)?, mapped(remote)?)
            })
        }

        fn lookup(&self, local: SocketAddr, remote: SocketAddr) -> Option<(u32, u32)> {
            let family = match local {
                SocketAddr::V4(_) => libc::AF_INET,
                SocketAddr::V6(_) => libc::AF_INET6,
            };
            let ip = |a: SocketAddr| -> [u8; 16] {
                let mut out = [0u8; 16];
                match a {
                    SocketAddr::V4(v4) => out[..4].copy_from_slice(&v4.ip().octets()),
                    SocketAddr::V6(v6) => out = v6.ip().octets(),
                }
                out
            };
            // struct nlmsghdr, then struct inet_diag_req_v2 (with its inet_diag_sockid).
            let mut req = Vec::with_capacity(72);
            req.extend_from_slice(&72u32.to_ne_bytes()); // nlmsg_len
            req.extend_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes()); // nlmsg_type
            req.extend_from_slice(&(libc::NLM_F_REQUEST as u16).to_ne_bytes()); // nlmsg_flags
            req.extend_from_slice(&1u32.to_ne_bytes()); // nlmsg_seq
            req.extend_from_slice(&0u32.to_ne_bytes()); // nlmsg_pid
            req.extend_from_slice(&[family as u8, libc::IPPROTO_TCP as u8, 0, 0]);
            req.extend_from_slice(&u32::MAX.to_ne_bytes()); // idiag_states: any
            req.extend_from_slice(&local.port().to_be_bytes()); // idiag_sport
            req.extend_from_slice(&remote.port().to_be_bytes()); // idiag_dport
            req.extend_from_slice(&ip(local)); // idiag_src
            req.extend_from_slice(&ip(remote)); // idiag_dst
            req.extend_from_slice(&0u32.to_ne_bytes()); // idiag_if
            req.extend_from_slice(&NO_COOKIE.to_ne_bytes()); // idiag_cookie
            req.extend_from_slice(&NO_COOKIE.to_ne_bytes());
            debug_assert_eq!(req.len(), 72);
            // SAFETY: an all-zero sockaddr_nl is the kernel's address (pid 0).
            let mut kernel: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
            kernel.nl_family = libc::AF_NETLINK as libc::sa_family_t;
            // SAFETY: req and kernel live across the call, with the lengths given.
            let sent = unsafe {
                libc::sendto(
                    self.0.as_raw_fd(),
                    req.as_ptr().cast(),
                    req.len(),
                    0,
                    (&raw const kernel).cast(),
                    size_of::<libc::sockaddr_nl>() as libc::socklen_t,
                )
            };
            if sent != req.len() as isize {
                return None;
            }
            let mut answer = [0u8; 512];
            // SAFETY: answer is a buffer of the length given.
            let got = unsafe {
                libc::recv(
                    self.0.as_raw_fd(),
                    answer.as_mut_ptr().cast(),
                    answer.len(),
                    0,
                )
            };
            // struct nlmsghdr (16 bytes), then struct inet_diag_msg: 4 bytes, the 48-byte
            // sockid, idiag_expires, idiag_rqueue, idiag_wqueue.
            if got < 16 + 64 {
                return None;
            }
            let kind = u16::from_ne_bytes([answer[4], answer[5]]);
            if kind == NLMSG_ERROR {
                return None;
            }
            let word = |at: usize| {
                u32::from_ne_bytes([answer[at], answer[at + 1], answer[at + 2], answer[at + 3]])
            };
            Some((word(16 + 56), word(16 + 60)))
        }
    }
}

/// Elsewhere there is no `sock_diag`: [`Conn::wait_until_read`] says it does not know.
#[cfg(not(target_os = "linux"))]
mod diag {
    use std::net::SocketAddr;

    pub struct SockDiag;

    impl SockDiag {
        pub fn open() -> Option<SockDiag> {
            None
        }

        pub fn queues(&self, _: SocketAddr, _: SocketAddr) -> Option<(u32, u32)> {
            None
        }
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
    fn wait_until_read_waits_for_the_program_to_read() {
        let (tx, rx) = mpsc::channel();
        let peer = Peer::start(Lang::En, move |conn: &mut Conn| {
            conn.send(b"first").unwrap();
            let first = conn.wait_until_read(Duration::from_secs(5));
            conn.send(b"second").unwrap();
            let _ = tx.send(first);
            conn.hold(Duration::from_secs(5));
        })
        .unwrap();
        let mut client = TcpStream::connect(peer.addr()).unwrap();
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        // Not read yet: the peer must still be waiting, and must not have sent "second".
        thread::sleep(Duration::from_millis(100));
        assert!(rx.try_recv().is_err());
        let mut buf = [0u8; 64];
        let n = client.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"first");
        let delivery = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        if cfg!(not(target_os = "linux")) {
            return; // no sock_diag: nothing more to see
        }
        assert_eq!(delivery, Delivery::Read);
        let n = client.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"second");
    }

    #[test]
    fn a_reset_at_end_is_a_reset_after_the_data() {
        let peer = Peer::start(Lang::En, |conn: &mut Conn| {
            conn.send(b"data").unwrap();
            conn.reset_at_end().unwrap();
        })
        .unwrap();
        let mut client = TcpStream::connect(peer.addr()).unwrap();
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        peer.finish(Duration::from_secs(5)).unwrap();
        let mut got = Vec::new();
        let err = client.read_to_end(&mut got).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ConnectionReset);
        assert_eq!(got, b"data");
    }

    #[test]
    fn a_loopback_listener_on_a_fixed_port_is_not_127_0_0_1() {
        match loopback_listener_on_port(Lang::En, 80) {
            Ok(listener) => {
                let addr = listener.local_addr().unwrap();
                assert_eq!(addr.port(), 80);
                assert_ne!(addr.ip(), IpAddr::from([127, 0, 0, 1]));
                assert!(addr.ip().is_loopback());
                TcpStream::connect(addr).unwrap();
            }
            Err(failure) => assert_eq!(failure.verdict, crate::Verdict::NotMeasured),
        }
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
