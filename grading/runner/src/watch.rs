//! `cargo lab watch N`: grade again whenever a file of the lab is saved.
//!
//! It polls modification times instead of using inotify or FSEvents: a lab has a handful of
//! files, a poll every 100 ms costs nothing, and the same code works on Linux and macOS
//! with no dependency. Editors often save in several steps (write a temporary file, rename
//! it), so a change is graded once the files have been quiet for 150 ms (debounce): long
//! enough for a rename after a write, short enough that the verdict follows the save.
//!
//! Each grading prints the verdict first (checks and points, and which checks fail), then
//! the full report of the first failing check only: the one to work on now. `cargo lab
//! check N` prints every report.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use harness::Lang;

use crate::grade::{self, Outcome, Show};
use crate::labs::LabDir;
use crate::output::colour;

const POLL: Duration = Duration::from_millis(100);
const QUIET: Duration = Duration::from_millis(150);

/// Every file under the lab (but `target`), with its modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name == "target" || name.to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(meta) = entry.metadata() {
                files.insert(path, meta.modified().unwrap_or(SystemTime::UNIX_EPOCH));
            }
        }
    }
    files
}

pub fn watch(lang: Lang, lab: LabDir) -> Result<bool, String> {
    // For tests and scripts: stop after this many gradings.
    let max_runs: Option<u32> = std::env::var("LAB_WATCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut runs = 0;
    loop {
        let seen = snapshot(&lab.dir);
        let started = Instant::now();
        let outcome = grade::run(&lab, lang, Show::Progress);
        runs += 1;
        show(lang, &lab, &outcome, started.elapsed());
        let verdict = match &outcome {
            Outcome::Graded(r) => format!("{}/{}", r.points, r.max_points),
            _ => "-".into(),
        };
        println!();
        println!(
            "{}",
            colour(
                "1",
                &lang.pick(
                    format!("[watch] {} graded ({verdict} points). Watching {} for changes; Ctrl-C stops.", lab.name, lab.dir.display()),
                    format!("[watch] {} 채점을 마쳤습니다(점수 {verdict}). {}의 파일이 바뀌면 다시 채점합니다. 멈추려면 Ctrl-C를 누르세요.", lab.name, lab.dir.display()),
                )
            )
        );
        if max_runs.is_some_and(|max| runs >= max) {
            return Ok(true);
        }
        // Wait for a change, then for the files to be quiet.
        let mut last = seen;
        loop {
            thread::sleep(POLL);
            let now = snapshot(&lab.dir);
            if now != last {
                last = now;
                let mut quiet_since = Instant::now();
                while quiet_since.elapsed() < QUIET {
                    thread::sleep(POLL.min(QUIET));
                    let again = snapshot(&lab.dir);
                    if again != last {
                        last = again;
                        quiet_since = Instant::now();
                    }
                }
                break;
            }
        }
        println!(
            "{}",
            lang.pick(
                "[watch] a file changed: grading again",
                "[watch] 파일이 바뀌었습니다. 다시 채점합니다."
            )
        );
    }
}

/// The verdict first, then the full report of the first failing check.
fn show(lang: Lang, lab: &LabDir, outcome: &Outcome, took: Duration) {
    println!();
    match outcome {
        Outcome::Graded(report) => {
            let failing: Vec<&str> = report
                .checks
                .iter()
                .filter(|c| !c.passed)
                .map(|c| c.id.as_str())
                .collect();
            println!(
                "{}",
                colour(
                    "1",
                    &lang.pick(
                        format!(
                            "{}: {}/{} stages, {}/{} checks, {}/{} points ({:.1} s)",
                            lab.name,
                            report.stages_passed(),
                            report.stages.len(),
                            report.passed(),
                            report.checks.len(),
                            report.points,
                            report.max_points,
                            took.as_secs_f64()
                        ),
                        format!(
                            "{}: 단계 {}/{}, 검사 항목 {}/{}, 점수 {}/{} ({:.1}초)",
                            lab.name,
                            report.stages_passed(),
                            report.stages.len(),
                            report.passed(),
                            report.checks.len(),
                            report.points,
                            report.max_points,
                            took.as_secs_f64()
                        ),
                    )
                )
            );
            if failing.is_empty() {
                return;
            }
            if let Some((n, stage)) = report
                .stages
                .iter()
                .enumerate()
                .find(|(_, s)| s.passed < s.total)
            {
                println!(
                    "{}",
                    lang.pick(
                        format!(
                            "now: stage {}, {} ({}/{})",
                            n + 1,
                            stage.title,
                            stage.passed,
                            stage.total
                        ),
                        format!(
                            "지금 고칠 단계: {}. {} ({}/{})",
                            n + 1,
                            stage.title,
                            stage.passed,
                            stage.total
                        ),
                    )
                );
            }
            println!(
                "{}",
                lang.pick(
                    format!("failing: {}", failing.join(", ")),
                    format!("실패: {}", failing.join(", ")),
                )
            );
            if let Some(first) = report.first_failure()
                && let Some(full) = &first.report
            {
                println!();
                println!(
                    "{}",
                    lang.pick(
                        format!("The first one, `{}`:", first.id),
                        format!("첫 번째 실패(`{}`)의 보고서:", first.id),
                    )
                );
                print!("{full}");
            }
        }
        Outcome::DoesNotCompile(error) => println!(
            "{}",
            lang.pick(
                format!("{} does not compile: {error}", lab.name),
                format!(
                    "{} 컴파일되지 않습니다: {error}",
                    harness::with_josa(&lab.name, harness::Particle::Subject)
                ),
            )
        ),
        Outcome::Broken(error) => println!("{}: {error}", lab.name),
    }
}
