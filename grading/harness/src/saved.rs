//! The last grading of each lab, kept on disk for `cargo lab status` and `cargo lab hint`.
//!
//! Every full run of a grader (`cargo test -p labNN`, `cargo lab check N`, `cargo lab watch
//! N`) leaves its report in `target/lab-runner/saved/labNN.json` (under `LAB_RUNNER_STATE`
//! when that is set), with a fingerprint of what was graded: the lab's files, and the
//! program named by `LABNN_BIN` when one was. `cargo lab status` then answers at once from
//! these files instead of grading five labs again, and says "changed since last check" for
//! a lab whose fingerprint no longer matches.
//!
//! The fingerprint is FNV-1a over every file of the lab (path and contents; `target` and
//! hidden files left out): fast for a handful of small files, stable across runs and Rust
//! versions (unlike `DefaultHasher`), and no dependency.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::book::repo_root;

/// Where the lab runner keeps its files: `LAB_RUNNER_STATE`, or `target/lab-runner`.
pub fn state_dir() -> PathBuf {
    std::env::var_os("LAB_RUNNER_STATE")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target").join("lab-runner"))
}

/// Where the last full grading of `lab` (`lab02`) is kept.
pub fn path(lab: &str) -> PathBuf {
    state_dir().join("saved").join(format!("{lab}.json"))
}

/// The environment variable that points `lab`'s grader at another program (`LAB02_BIN`).
fn bin_var(lab: &str) -> String {
    format!("{}_BIN", lab.to_uppercase())
}

/// A fingerprint of what grading `lab` now would grade: the files of `labs/<lab>`, and the
/// program in `LABNN_BIN` (its path, size and modification time) when that is set.
pub fn fingerprint(lab: &str) -> String {
    let mut hash = Fnv::new();
    let dir = repo_root().join("labs").join(lab);
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    for file in files {
        if let Ok(rel) = file.strip_prefix(&dir) {
            hash.write(rel.to_string_lossy().as_bytes());
        }
        hash.write(&[0]);
        hash.write(&fs::read(&file).unwrap_or_default());
        hash.write(&[0]);
    }
    if let Some(bin) = std::env::var_os(bin_var(lab)).filter(|b| !b.is_empty()) {
        let bin = PathBuf::from(bin);
        hash.write(bin.to_string_lossy().as_bytes());
        if let Ok(meta) = fs::metadata(&bin) {
            hash.write(&meta.len().to_le_bytes());
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            hash.write(&modified.to_le_bytes());
        }
    }
    format!("{:016x}", hash.0)
}

/// Every file below `dir`, leaving out build output and hidden files.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == "target" || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Keeps the grader's JSON report, in English and in Korean, as the last full grading of
/// `lab`. Failing to write is not worth failing the grading for: status then regrades.
pub fn save(lab: &str, report_en: &str, report_ko: &str) {
    let path = path(lab);
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let saved_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let text = format!(
        "{{\"fingerprint\":\"{}\",\"saved_at\":{saved_at},\"report\":{{\"en\":{},\"ko\":{}}}}}\n",
        fingerprint(lab),
        report_en.trim_end(),
        report_ko.trim_end()
    );
    // Written next to its place and renamed, so a reader never sees half a file.
    let partial = path.with_extension(format!("json.{}", std::process::id()));
    if fs::write(&partial, text).is_ok() {
        let _ = fs::rename(&partial, &path);
    }
}

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        // Test vectors of FNV-1a 64 from its authors' reference.
        let hash = |s: &str| {
            let mut h = Fnv::new();
            h.write(s.as_bytes());
            h.0
        };
        assert_eq!(hash(""), 0xcbf29ce484222325);
        assert_eq!(hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(hash("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn a_lab_has_a_stable_fingerprint() {
        assert_eq!(fingerprint("lab02"), fingerprint("lab02"));
        assert_ne!(fingerprint("lab02"), fingerprint("lab03"));
    }
}
