//! A correct lab03 written in another style: async, on a single-threaded tokio runtime, with
//! its own choices where the contract leaves one open. The grader must pass it as it passes
//! the reference (`tests/proof.rs`), which shows that the checks test the contract and not
//! the reference's way of keeping it.
//!
//! Where it differs from the reference:
//!
//! - every socket is a `tokio::net::UdpSocket`, and every wait is an `.await`;
//! - `recv` builds each line as bytes and writes it with one `write_all` on tokio's stdout,
//!   then flushes;
//! - a run of bytes that is not UTF-8 becomes *one* U+FFFD, the way Go's
//!   `strings.ToValidUTF8` does it (the reference, like Python's `errors="replace"`, writes
//!   one per maximal invalid sequence). The contract allows either: the grader only sends
//!   invalid bytes one at a time, where the two agree;
//! - the size limit is computed from the headers rather than written down.

use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;

use lab_support::lab03 as cli;
use tokio::io::AsyncWriteExt;
use tokio::net::UdpSocket;

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(command) => command,
        Err(message) => {
            eprintln!("lab03: {message}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lab03: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match command {
            cli::Command::Send { to, from, messages } => send(from, to, &messages).await,
            cli::Command::Recv { listen, count } => {
                let socket = listen_on(listen).await?;
                receive(&socket, count).await
            }
            cli::Command::Echo { listen } => echo(&listen_on(listen).await?).await,
            cli::Command::Help => Ok(()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab03: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The largest UDP payload to `to`: 65,535 (a 16-bit length) minus the UDP header, and over
/// IPv4 minus the IPv4 header too, which IPv4's length counts and IPv6's does not.
fn max_payload(to: SocketAddr) -> usize {
    const UDP_HEADER: usize = 8;
    const IPV4_HEADER: usize = 20;
    let ip_header_counted = if to.is_ipv4() { IPV4_HEADER } else { 0 };
    usize::from(u16::MAX) - UDP_HEADER - ip_header_counted
}

async fn send(from: SocketAddr, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<()> {
    let max = max_payload(to);
    if let Some((i, m)) = messages.iter().enumerate().find(|(_, m)| m.len() > max) {
        return Err(io::Error::other(format!(
            "message {} ({} bytes) is longer than one datagram to {to} can carry ({max} bytes); sent nothing",
            i + 1,
            m.len()
        )));
    }
    let socket = UdpSocket::bind(from).await?;
    let mut bytes = 0;
    for message in messages {
        bytes += socket.send_to(message, to).await?;
    }
    let summary = format!(
        "sent {} datagrams ({bytes} bytes) to {to}\n",
        messages.len()
    );
    let mut out = tokio::io::stdout();
    out.write_all(summary.as_bytes()).await?;
    out.flush().await
}

async fn listen_on(listen: SocketAddr) -> io::Result<UdpSocket> {
    let socket = UdpSocket::bind(listen)
        .await
        .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {listen}: {e}")))?;
    let mut out = tokio::io::stdout();
    out.write_all(format!("listening on {}\n", socket.local_addr()?).as_bytes())
        .await?;
    out.flush().await?;
    Ok(socket)
}

async fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
    let mut buf = vec![0u8; 1 << 16];
    let mut out = tokio::io::stdout();
    let mut left = count;
    while left != Some(0) {
        let (n, from) = socket.recv_from(&mut buf).await?;
        let mut line = format!("{from} {n} ").into_bytes();
        push_text(&mut line, &buf[..n]);
        line.push(b'\n');
        out.write_all(&line).await?;
        out.flush().await?;
        left = left.map(|l| l - 1);
    }
    Ok(())
}

/// Appends `data` as UTF-8, each run of invalid bytes replaced by one U+FFFD.
fn push_text(line: &mut Vec<u8>, data: &[u8]) {
    // utf8_chunks cuts the data into runs of valid UTF-8, each followed by one invalid
    // sequence; invalid sequences in a row come as chunks with nothing valid between them.
    let mut in_invalid_run = false;
    for chunk in data.utf8_chunks() {
        let valid = chunk.valid();
        line.extend_from_slice(valid.as_bytes());
        if !valid.is_empty() {
            in_invalid_run = false;
        }
        if !chunk.invalid().is_empty() && !in_invalid_run {
            line.extend_from_slice("\u{fffd}".as_bytes());
            in_invalid_run = true;
        }
    }
}

async fn echo(socket: &UdpSocket) -> io::Result<()> {
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match socket.recv_from(&mut buf).await {
            Ok((n, from)) => {
                if let Err(e) = socket.send_to(&buf[..n], from).await {
                    eprintln!("echo to {from} failed: {e}");
                }
            }
            Err(e) => eprintln!("receive failed: {e}"),
        }
    }
}
