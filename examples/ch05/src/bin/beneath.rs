//! `beneath [--tries N]`: the race between checking a path and opening it, and what Linux's
//! `openat2(RESOLVE_BENEATH)` does about it.
//!
//! It builds a small web root in a temporary directory, with `docs/notes.txt` inside it and
//! a secret file outside it. One thread plays someone who can write into the root (an
//! upload directory, another user of a shared host): again and again it replaces `docs` with
//! a symbolic link to the directory outside, then puts the real directory back. Meanwhile
//! the main thread opens `docs/notes.txt` N times (default 20,000) in each of two ways, and
//! counts how often it got the secret:
//!
//! 1. resolve the path with `canonicalize` (every symbolic link followed), check that the
//!    result starts with the root, then open it: a check, then a use;
//! 2. one `openat2` call relative to the root's directory descriptor, with
//!    `RESOLVE_BENEATH`: the kernel refuses (EXDEV) any resolution that leaves the root,
//!    symbolic links included, while it opens.
//!
//! The first way has a window between the check and the open; the second has none.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use ch05_examples::{number, utf8_args};

const USAGE: &str = "usage: beneath [--tries N]   (default 20000)";
const SECRET: &[u8] = b"the secret outside the root\n";

fn main() -> ExitCode {
    let tries = match parse() {
        Ok(tries) => tries,
        Err(message) => {
            eprintln!("beneath: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(tries) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("beneath: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse() -> Result<u64, String> {
    let mut args = utf8_args(std::env::args_os().skip(1))?.into_iter();
    let mut tries = 20_000;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--tries" => {
                let n = args
                    .next()
                    .ok_or("--tries needs a number, like --tries 20000")?;
                tries = number("--tries", &n, 1, 10_000_000)?;
            }
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok(tries)
}

/// What one way of opening did, over all its tries.
#[derive(Default)]
struct Tally {
    inside: u64,
    outside: u64,
    refused: u64,
    /// The most common reason for a refusal.
    reasons: std::collections::BTreeMap<String, u64>,
}

fn run(tries: u64) -> io::Result<()> {
    let base = std::env::temp_dir().join(format!("beneath-{}", std::process::id()));
    let root = base.join("root");
    fs::create_dir_all(root.join("docs"))?;
    fs::create_dir_all(base.join("outside"))?;
    fs::write(root.join("docs/notes.txt"), b"notes inside the root\n")?;
    fs::write(base.join("outside/notes.txt"), SECRET)?;
    let root = root.canonicalize()?;

    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (root, stop) = (root.clone(), Arc::clone(&stop));
        thread::spawn(move || swap_docs(&root, &stop))
    };
    let checked = tally(tries, || check_then_open(&root));
    let beneath = open_beneath_all(&root, tries);
    stop.store(true, Ordering::Relaxed);
    let swapped = swapper
        .join()
        .map_err(|_| io::Error::other("the swapper panicked"))??;
    fs::remove_dir_all(&base)?;

    println!("{tries} opens each, while another thread swapped docs/ {swapped} times:");
    show("canonicalize, check, open:", &checked);
    match beneath {
        Some(beneath) => show("openat2(RESOLVE_BENEATH):", &beneath),
        None => println!("openat2(RESOLVE_BENEATH):  not available on this system"),
    }
    Ok(())
}

fn show(way: &str, tally: &Tally) {
    let reasons: Vec<String> = tally.reasons.keys().cloned().collect();
    println!(
        "{way:<26} {:>5} inside the root, {:>4} OUTSIDE, {:>5} refused ({})",
        tally.inside,
        tally.outside,
        tally.refused,
        reasons.join("; ")
    );
}

/// Swaps `root/docs` with `root/.swap`, a symbolic link to `../outside`, until `stop`.
/// Each swap is one atomic rename (RENAME_EXCHANGE), so `docs` always exists: a directory
/// inside the root half of the time, a link out of it the other half.
#[cfg(target_os = "linux")]
fn swap_docs(root: &Path, stop: &AtomicBool) -> io::Result<u64> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;

    let link = root.join(".swap");
    std::os::unix::fs::symlink("../outside", &link)?;
    let docs = CString::new(root.join("docs").as_os_str().as_bytes())?;
    let link = CString::new(link.as_os_str().as_bytes())?;
    let mut swapped = 0;
    while !stop.load(Ordering::Relaxed) {
        // SAFETY: both paths are valid C strings for the duration of the call.
        let done = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                docs.as_ptr(),
                libc::AT_FDCWD,
                link.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if done != 0 {
            return Err(io::Error::last_os_error());
        }
        swapped += 1;
    }
    Ok(swapped)
}

#[cfg(not(target_os = "linux"))]
fn swap_docs(_root: &Path, _stop: &AtomicBool) -> io::Result<u64> {
    Err(io::Error::other(
        "this example needs Linux (renameat2, openat2)",
    ))
}

/// Runs `open` `tries` times and counts where the file it opened was.
fn tally(tries: u64, mut open: impl FnMut() -> io::Result<File>) -> Tally {
    let mut tally = Tally::default();
    for _ in 0..tries {
        let mut contents = Vec::new();
        match open().and_then(|mut file| file.read_to_end(&mut contents)) {
            Ok(_) if contents == SECRET => tally.outside += 1,
            Ok(_) => tally.inside += 1,
            Err(e) => {
                tally.refused += 1;
                let reason = e.to_string();
                *tally.reasons.entry(reason).or_default() += 1;
            }
        }
    }
    tally
}

// ANCHOR: check_then_open
/// Check, then use: the path is checked, then opened by name, a second resolution.
fn check_then_open(root: &Path) -> io::Result<File> {
    let real: PathBuf = root.join("docs/notes.txt").canonicalize()?;
    if !real.starts_with(root) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "outside the root",
        ));
    }
    // Between the check above and the open below, `docs` may have become a link.
    File::open(&real)
}
// ANCHOR_END: check_then_open

#[cfg(target_os = "linux")]
fn open_beneath_all(root: &Path, tries: u64) -> Option<Tally> {
    let dir = File::open(root).ok()?;
    Some(tally(tries, || {
        open_beneath(&dir, Path::new("docs/notes.txt"))
    }))
}

#[cfg(not(target_os = "linux"))]
fn open_beneath_all(_root: &Path, _tries: u64) -> Option<Tally> {
    None
}

// ANCHOR: open_beneath
/// Opens `path` relative to the directory `dir` in one step: the kernel resolves every
/// component, symbolic links included, and fails with EXDEV if any of them leaves `dir`.
#[cfg(target_os = "linux")]
fn open_beneath(dir: &File, path: &Path) -> io::Result<File> {
    use std::ffi::CString;
    use std::os::fd::{AsRawFd, FromRawFd};
    use std::os::unix::ffi::OsStrExt;

    let path = CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: open_how is a plain C struct; all zeroes is a valid value of it.
    let mut how: libc::open_how = unsafe { std::mem::zeroed() };
    how.flags = (libc::O_RDONLY | libc::O_CLOEXEC) as u64;
    how.resolve = libc::RESOLVE_BENEATH | libc::RESOLVE_NO_MAGICLINKS;
    // SAFETY: the pointers are valid for the call, and the size is the struct's.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            dir.as_raw_fd(),
            path.as_ptr(),
            &how as *const libc::open_how,
            std::mem::size_of::<libc::open_how>(),
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: openat2 returned a new descriptor, and nothing else owns it.
    Ok(unsafe { File::from_raw_fd(fd as i32) })
}
// ANCHOR_END: open_beneath
