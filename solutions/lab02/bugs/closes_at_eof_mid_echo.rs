//! Classic bug: the connection is closed at the client's EOF, with echo bytes still to write.
//!
//! To read and write at the same time, each connection gets a reader and a writer thread
//! joined by a channel. When the reader sees EOF it decides the conversation is over and
//! shuts the socket down, both ways, right away. But EOF only says that the client has
//! finished sending: the writer may still hold bytes it has not written (the client was not
//! reading fast enough), and they are lost. Caught by
//! `finishes_echoing_after_the_clients_eof`, which reads the echo only after its EOF went out.
//!
//! This program is the reference solution with its `echo` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/server.rs"]
mod server;

mod echo {
    use std::io::{self, Read, Write};
    use std::net::{Shutdown, SocketAddr, TcpStream};
    use std::sync::mpsc;
    use std::thread;

    pub fn echo(stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        let mut reader = stream.try_clone()?;
        let mut writer = stream.try_clone()?;
        let (chunks, to_write) = mpsc::channel::<Vec<u8>>();
        thread::spawn(move || {
            for chunk in to_write {
                if writer.write_all(&chunk).is_err() {
                    return;
                }
            }
        });
        let mut buf = [0u8; 16 * 1024];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                // The mistake: EOF taken for "done", although the writer is not.
                return stream.shutdown(Shutdown::Both);
            }
            let _ = chunks.send(buf[..n].to_vec());
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
