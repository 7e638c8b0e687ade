//! The web site every check serves: a fresh directory of its own, removed when the check ends.
//!
//! ```text
//! <temp>/lab05-PID-N-TIME/
//!     secret.txt              the sentinel, OUTSIDE the root: no request may ever return it
//!     root/                   what the server is started with (--root)
//!         index.html          UTF-8 with Korean text: its length in bytes is not in chars
//!         docs/index.html     a directory's index
//!         docs/guide.txt
//!         css/site.css, js/app.js, data.json, img/icon.svg, img/photo.jpg
//!         img/logo.png        a real PNG of a few KiB, made here
//!         files/archive.bin   1 MiB of bytes of every value
//!         files/README        no extension
//!         hello world.txt, 한글.txt
//!         empty.txt           0 bytes: Content-Length: 0 and no body
//!         empty/              a directory without index.html
//! ```
//!
//! Every check makes its own, so checks that run in parallel never share files. The files'
//! bytes are made once per grader run ([`files`]), not once per check.

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use harness::{Failure, pattern};

pub const INDEX_HTML: &str = "<!doctype html>\n<html lang=\"ko\">\n<head><meta charset=\"utf-8\"><title>작은 HTTP 서버</title>\n<link rel=\"stylesheet\" href=\"/css/site.css\"></head>\n<body>\n<h1>안녕하세요, 소켓!</h1>\n<p>Hello from lab05. <a href=\"/docs/\">docs</a></p>\n<img src=\"/img/logo.png\" alt=\"logo\">\n</body>\n</html>\n";

/// A site on disk, deleted on drop.
pub struct Site {
    base: PathBuf,
    pub root: PathBuf,
    /// The absolute path of the sentinel file outside the root.
    pub sentinel_path: PathBuf,
    /// What the sentinel file holds: a line no file under the root contains.
    pub sentinel: Vec<u8>,
}

impl Site {
    /// Makes a new site under the system's temporary directory.
    pub fn new() -> Result<Site, Failure> {
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "lab05-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let base = std::env::temp_dir().join(name);
        let root = base.join("root");
        let sentinel = format!(
            "SENTINEL {}: outside the root, never served\n",
            base.display()
        )
        .into_bytes();
        let site = Site {
            sentinel_path: base.join("secret.txt"),
            base,
            root,
            sentinel,
        };
        site.fill()
            .map_err(|e| Failure::new(format!("the grader could not write its test site: {e}")))?;
        Ok(site)
    }

    fn fill(&self) -> std::io::Result<()> {
        for dir in ["docs", "css", "js", "img", "files", "empty"] {
            fs::create_dir_all(self.root.join(dir))?;
        }
        fs::write(&self.sentinel_path, &self.sentinel)?;
        for (path, bytes) in files() {
            fs::write(self.root.join(path), bytes)?;
        }
        Ok(())
    }

    /// Writes one more file under the root, for one check: `path` relative to the root.
    pub fn add(&self, path: &str, bytes: &[u8]) -> Result<(), Failure> {
        fs::write(self.root.join(path), bytes)
            .map_err(|e| Failure::new(format!("the grader could not write its test site: {e}")))
    }

    /// The root, as the `--root` argument.
    pub fn root_arg(&self) -> String {
        self.root.display().to_string()
    }

    /// The bytes of a file under the root, by its path relative to the root.
    pub fn file(&self, path: &str) -> Vec<u8> {
        files()
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, bytes)| bytes.clone())
            .unwrap_or_else(|| panic!("the test site has no {path}"))
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.base);
    }
}

/// Every file of the site: its path under the root and its bytes, made once.
fn files() -> &'static [(&'static str, Vec<u8>)] {
    static FILES: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(make_files)
}

fn make_files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("index.html", INDEX_HTML.as_bytes().to_vec()),
        (
            "docs/index.html",
            b"<!doctype html>\n<title>docs</title>\n<p>The docs directory's index.</p>\n".to_vec(),
        ),
        (
            "docs/guide.txt",
            "A guide in plain text.\n소켓 위의 HTTP.\n".as_bytes().to_vec(),
        ),
        ("css/site.css", b"body { font-family: sans-serif; }\n".to_vec()),
        ("js/app.js", b"console.log(\"lab05\");\n".to_vec()),
        ("data.json", b"{\"lab\": 5, \"ok\": true}\n".to_vec()),
        (
            "img/icon.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>\n".to_vec(),
        ),
        ("img/logo.png", png(40, 40)),
        ("img/photo.jpg", jpeg_like(3000)),
        ("files/archive.bin", pattern(1024 * 1024, 5)),
        ("files/README", b"no extension: application/octet-stream\n".to_vec()),
        ("hello world.txt", b"a space in the name\n".to_vec()),
        ("한글.txt", "파일 이름이 한글입니다\n".as_bytes().to_vec()),
        ("empty.txt", Vec::new()),
    ]
}

/// A real, viewable PNG: `width` x `height` RGB pixels in a gradient, stored uncompressed
/// (zlib "stored" blocks), so it is a few KiB of bytes of every kind, NUL and CR LF included.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut pixels = Vec::new();
    for y in 0..height {
        pixels.push(0); // filter type 0: the row as it is
        for x in 0..width {
            pixels.extend([(x * 6) as u8, (y * 6) as u8, ((x + y) * 3) as u8 ^ 0x0d]);
        }
    }
    // zlib: header, stored blocks of at most 65535 bytes, Adler-32 of the data.
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = pixels.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend(adler32(&pixels).to_be_bytes());

    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8 bits per channel, RGB, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", ihdr), (b"IDAT", zlib), (b"IEND", Vec::new())] {
        out.extend((data.len() as u32).to_be_bytes());
        let mut typed = kind.to_vec();
        typed.extend(&data);
        out.extend(&typed);
        out.extend(crc32(&typed).to_be_bytes());
    }
    out
}

/// Bytes that start like a JPEG file (it is the extension that matters here).
fn jpeg_like(len: usize) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xd8, 0xff, 0xe0];
    bytes.extend(pattern(len - 6, 9));
    bytes.extend([0xff, 0xd9]);
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}
