//! What a running program costs, and what its threads are doing: its resident memory, its
//! threads and whether they are stopped, read from Linux's `/proc/PID/status`.
//!
//! A check that wants to know whether a server keeps its memory bounded, or how many threads
//! its runtime has, reads them here. `/proc` exists only on Linux; elsewhere every function
//! returns `None`, and a check says it could not measure rather than guess (a memory bound
//! is then reported NOT MEASURED, never passed in silence).

use std::fs;

/// What `/proc/PID/status` says about a process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// Resident set size: the bytes of the process's memory that are in RAM now (`VmRSS`).
    pub rss_bytes: u64,
    /// How many threads the process has (`Threads`).
    pub threads: u32,
}

/// Reads the status of process `pid`; `None` when there is no `/proc` or no such process.
pub fn status(pid: u32) -> Option<Status> {
    let text = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    parse_status(&text)
}

/// The resident memory of process `pid`, in bytes.
pub fn rss_bytes(pid: u32) -> Option<u64> {
    status(pid).map(|s| s.rss_bytes)
}

/// The number of threads of process `pid`.
pub fn threads(pid: u32) -> Option<u32> {
    status(pid).map(|s| s.threads)
}

/// Whether every thread of process `pid` is stopped (by SIGSTOP), from the state letter
/// of `/proc/PID/task/TID/stat` (`T`). A stop signal reaches each thread when it next runs,
/// so a check that stops a program waits for this before it relies on the program being
/// still. `None` when there is no `/proc`.
pub fn all_threads_stopped(pid: u32) -> Option<bool> {
    let tasks = fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut any = false;
    for task in tasks.flatten() {
        let Ok(stat) = fs::read_to_string(task.path().join("stat")) else {
            // A thread that ended meanwhile is not running either.
            continue;
        };
        any = true;
        if thread_state(&stat) != Some('T') && thread_state(&stat) != Some('t') {
            return Some(false);
        }
    }
    Some(any)
}

/// The state letter of a `/proc/.../stat` line: the field after the command name, which is
/// in parentheses and may itself contain spaces and parentheses.
fn thread_state(stat: &str) -> Option<char> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().next()?.chars().next()
}

/// Reads `VmRSS:` (in kB, which the kernel means as KiB) and `Threads:` from the text of a
/// `/proc/PID/status` file.
pub fn parse_status(text: &str) -> Option<Status> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<u64>().ok())
    };
    Some(Status {
        rss_bytes: field("VmRSS:")? * 1024,
        threads: u32::try_from(field("Threads:")?).ok()?,
    })
}

/// Bytes as MiB with one decimal, for reports.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_and_threads() {
        let text = "Name:\tlab04\nVmPeak:\t  20000 kB\nVmRSS:\t    5120 kB\nThreads:\t3\n";
        assert_eq!(
            parse_status(text),
            Some(Status {
                rss_bytes: 5 * 1024 * 1024,
                threads: 3
            })
        );
        assert_eq!(parse_status("Name:\tx\n"), None);
        assert_eq!(mib(5 * 1024 * 1024 + 512 * 1024), "5.5 MiB");
    }

    #[test]
    fn reads_a_thread_state() {
        assert_eq!(thread_state("42 (tokio-rt (x) 1) T 1 42 42"), Some('T'));
        assert_eq!(thread_state("42 (lab04) S 1 42 42"), Some('S'));
        assert_eq!(thread_state("garbage"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn measures_this_process() {
        let me = status(std::process::id()).expect("/proc on Linux");
        assert!(me.rss_bytes > 0 && me.threads >= 1, "{me:?}");
        assert_eq!(all_threads_stopped(std::process::id()), Some(false));
    }
}
