//! Running a lab's grader and reading its report.

use std::fs;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;

use harness::Lang;
use serde_json::Value;

use crate::labs::{self, LabDir};
use crate::repo_root;

/// How one check went, as the grader reported it.
#[derive(Clone, Debug)]
pub struct CheckReport {
    pub id: String,
    /// The stage (1-based) the check belongs to, when the grader groups its checks.
    pub stage: Option<u64>,
    pub title: String,
    pub points: u64,
    pub max_points: u64,
    pub passed: bool,
    pub message: Option<String>,
    pub cause: Option<String>,
    pub todo: String,
    pub section: String,
    pub page: String,
    pub report: Option<String>,
    pub elapsed_ms: u64,
}

/// How one stage of a lab went: its title, and how many of its checks passed.
#[derive(Clone, Debug)]
pub struct StageReport {
    pub title: String,
    pub passed: usize,
    pub total: usize,
}

/// A graded lab.
#[derive(Clone, Debug)]
pub struct Report {
    pub chapter_file: String,
    pub points: u64,
    pub max_points: u64,
    pub checks: Vec<CheckReport>,
    pub stages: Vec<StageReport>,
}

impl Report {
    /// How many stages pass every check.
    pub fn stages_passed(&self) -> usize {
        self.stages.iter().filter(|s| s.passed == s.total).count()
    }

    pub fn passed(&self) -> usize {
        self.checks.iter().filter(|c| c.passed).count()
    }

    /// The failing check to work on first: the first of the earliest stage that does not
    /// pass (the check table's first failure when the grader has no stages).
    pub fn first_failure(&self) -> Option<&CheckReport> {
        self.checks
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.passed)
            .min_by_key(|(i, c)| (c.stage.unwrap_or(u64::MAX), *i))
            .map(|(_, c)| c)
    }
}

/// What running a grader gave.
#[derive(Clone, Debug)]
pub enum Outcome {
    Graded(Report),
    /// The learner's crate does not compile; the first compiler error.
    DoesNotCompile(String),
    /// The grader could not run at all.
    Broken(String),
}

/// How a grader's output is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The grader's own report, as `cargo test -p labNN` prints it.
    Everything,
    /// Only a live progress line (on a terminal), for summaries.
    Progress,
}

/// Where the runner keeps its files: `target/lab-runner`, or `LAB_RUNNER_STATE` (the same
/// place the graders keep their last full run, see `harness::saved`).
pub fn state_dir() -> PathBuf {
    harness::saved::state_dir()
}

/// What the last full grading of a lab says, and whether it still describes the lab.
pub enum Saved {
    /// Graded, and nothing changed since.
    Current(Report),
    /// Graded, but the lab's files (or its `LABNN_BIN`) changed since.
    Changed(Report),
    /// Never graded here (or the saved report is unreadable).
    Never,
}

/// The last full grading of `lab` that a grader saved (`cargo test -p labNN`,
/// `cargo lab check`, `watch`, `status --regrade`...), in `lang`, without grading anything.
pub fn saved(lab: &LabDir, lang: Lang) -> Saved {
    let Ok(text) = fs::read_to_string(harness::saved::path(&lab.name)) else {
        return Saved::Never;
    };
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        return Saved::Never;
    };
    let report = value.get("report").and_then(|r| r.get(lang.book_dir()));
    let Some(report) = report.and_then(|r| parse(&r.to_string())) else {
        return Saved::Never;
    };
    let fingerprint = value.get("fingerprint").and_then(Value::as_str);
    if fingerprint == Some(harness::saved::fingerprint(&lab.name).as_str()) {
        Saved::Current(report)
    } else {
        Saved::Changed(report)
    }
}

/// One report file per run, so that runs in parallel never read each other's reports.
fn report_path(lab: &LabDir) -> PathBuf {
    state_dir().join(format!("{}-{}.json", lab.name, std::process::id()))
}

/// Runs `cargo test -p labNN --test grader` and reads its report.
pub fn run(lab: &LabDir, lang: Lang, show: Show) -> Outcome {
    let report = report_path(lab);
    if let Some(dir) = report.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::remove_file(&report);
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(repo_root())
        .args([
            "test",
            "--quiet",
            "--package",
            &lab.name,
            "--test",
            "grader",
        ])
        .env("LAB_REPORT", &report)
        .env("LAB_LANG", lang.book_dir())
        .stdin(Stdio::null());
    if show == Show::Progress {
        cmd.env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
    }
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => return Outcome::Broken(format!("cargo: {e}")),
    };
    let mut stderr_text = String::new();
    if show == Show::Progress {
        let mut err = child.stderr.take().expect("piped");
        let collector = thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        follow_progress(lab, child.stdout.take().expect("piped"));
        stderr_text = collector.join().unwrap_or_default();
    }
    let _ = child.wait();
    let written = fs::read_to_string(&report);
    let _ = fs::remove_file(&report);
    match written {
        Ok(text) => match parse(&text) {
            Some(report) => Outcome::Graded(report),
            None => Outcome::Broken(format!("unreadable report {}", report.display())),
        },
        Err(_) if stderr_text.contains("could not compile") => {
            Outcome::DoesNotCompile(first_error(&stderr_text))
        }
        // The grader ran but wrote no report: it refused to start (a LABNN_BIN that is
        // not a file, say) and said why in its last line.
        Err(_) => Outcome::Broken(
            stderr_text
                .lines()
                .find(|l| l.starts_with(&format!("{}: ", lab.name)))
                .unwrap_or_else(|| {
                    stderr_text
                        .lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .unwrap_or("")
                })
                .trim()
                .to_string(),
        ),
    }
}

/// Shows `lab02 [######------] 6/13` on stderr while the checks finish, when stderr is a
/// terminal and colours are not turned off; otherwise reads the output silently.
fn follow_progress(lab: &LabDir, stdout: impl Read) {
    let live = std::io::stderr().is_terminal();
    let mut total = 0usize;
    let mut done = 0usize;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if total == 0 && line.contains(&lab.name) {
            // "grading lab02: 13 checks against ..." / "lab02 채점: 검사 항목 13개, ..."
            if let Some((_, rest)) = line.split_once(": ") {
                total = rest
                    .split(|c: char| !c.is_ascii_digit())
                    .find(|s| !s.is_empty())
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
            }
        }
        if line.starts_with("check ") || line.starts_with("검사 ") {
            done += 1;
            if live {
                let width = 20;
                let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
                eprint!(
                    "\r  {} [{}{}] {done}/{total}",
                    lab.name,
                    "#".repeat(filled),
                    "-".repeat(width - filled)
                );
                let _ = std::io::stderr().flush();
            }
        }
    }
    if live && done > 0 {
        eprint!("\r{}\r", " ".repeat(50));
    }
}

/// The first compiler error, in a line or two.
fn first_error(stderr: &str) -> String {
    let mut lines = stderr.lines();
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        if line.starts_with("error") {
            out.push(line.trim().to_string());
            if let Some(location) = lines.next().filter(|l| l.trim_start().starts_with("-->")) {
                out.push(location.trim().to_string());
            }
            break;
        }
    }
    if out.is_empty() {
        stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    } else {
        out.join(" ")
    }
}

fn parse(text: &str) -> Option<Report> {
    let v: Value = serde_json::from_str(text).ok()?;
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(String::from);
    let n = |v: &Value, k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    let checks = v
        .get("checks")?
        .as_array()?
        .iter()
        .map(|c| CheckReport {
            id: s(c, "id").unwrap_or_default(),
            stage: c.get("stage").and_then(Value::as_u64),
            title: s(c, "title").unwrap_or_default(),
            points: n(c, "points"),
            max_points: n(c, "max_points"),
            passed: c.get("passed").and_then(Value::as_bool).unwrap_or(false),
            message: s(c, "message"),
            cause: s(c, "cause"),
            todo: s(c, "todo").unwrap_or_default(),
            section: s(c, "section").unwrap_or_default(),
            page: s(c, "page").unwrap_or_default(),
            report: s(c, "report"),
            elapsed_ms: n(c, "elapsed_ms"),
        })
        .collect();
    // A grader from before stages (a saved report, say) has none: status shows "-".
    let stages = v
        .get("stages")
        .and_then(Value::as_array)
        .map(|stages| {
            stages
                .iter()
                .map(|st| StageReport {
                    title: s(st, "title").unwrap_or_default(),
                    passed: n(st, "passed") as usize,
                    total: st
                        .get("checks")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len),
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Report {
        chapter_file: s(&v, "chapter_file").unwrap_or_default(),
        points: n(&v, "points"),
        max_points: n(&v, "max_points"),
        checks,
        stages,
    })
}

/// `cargo lab check N`: the grader's own report, then where that leaves the lab.
pub fn check(lang: Lang, lab: LabDir) -> Result<bool, String> {
    let outcome = run(&lab, lang, Show::Everything);
    Ok(matches!(&outcome, Outcome::Graded(r) if r.passed() == r.checks.len()))
}

/// Where a lab stands for `cargo lab status`.
pub enum Standing {
    /// Graded now, or graded before with nothing changed since.
    Graded(Outcome),
    /// Graded before, but its files changed since: the old report, marked as such.
    Changed(Report),
    /// Never graded here.
    NotChecked,
}

/// `cargo lab status`: one line per lab, from each lab's last saved grading, at once.
/// With `regrade`, the labs that changed since (or were never graded) are graded first.
pub fn status(lang: Lang, regrade: bool) -> Result<bool, String> {
    let labs = labs::discover();
    if labs.is_empty() {
        return Err(lang.pick(
            "no labs found under labs/".into(),
            "labs/ 아래에 실습이 없습니다".into(),
        ));
    }
    let rows: Vec<(LabDir, Standing)> = labs
        .into_iter()
        .map(|lab| {
            let standing = match saved(&lab, lang) {
                Saved::Current(report) => Standing::Graded(Outcome::Graded(report)),
                _ if regrade => Standing::Graded(run(&lab, lang, Show::Progress)),
                Saved::Changed(report) => Standing::Changed(report),
                Saved::Never => Standing::NotChecked,
            };
            (lab, standing)
        })
        .collect();
    print!("{}", crate::output::status_table(lang, &rows));
    Ok(true)
}
