//! The course's proof that a grader is right: it passes the reference solution (and correct
//! variants written in other styles), and it fails each classic-bug variant with the check
//! named for that bug. Called from each solution's `tests/proof.rs`, which `cargo test` at
//! the repository root runs.
//!
//! A check that cannot measure on this machine (no IPv6 loopback, no permission to listen on
//! port 80, no `/proc`) proves nothing here, either way: it is printed, and its proof is
//! skipped, rather than counted as a pass or as a catch.

use crate::Lang;
use crate::failure::Verdict;
use crate::runner::{Lab, render_failure, run_check};

/// A lab's whole proof, run as one pool: every check against every correct program, and the
/// named checks against each classic-bug variant. Most checks spend their time waiting (for a
/// timeout that must pass, a server that must not answer), so the pool runs as many at once
/// as a grader does (`LAB_PROOF_THREADS`, default 8), where one `#[test]` per bug ran two at
/// a time under libtest. Checks marked `serial` run afterwards, one at a time, with nothing
/// else running, as in a grading. Each program is graded once per check it is proved on.
///
/// ```ignore
/// #[test]
/// fn the_grader_is_right() {
///     Proof::new(&LAB)
///         .passes(env!("CARGO_BIN_EXE_lab02-solution"))
///         .caught("serving one client at a time", env!("CARGO_BIN_EXE_lab02-bug-serial"),
///                 &["serves_second_client_while_first_idle"])
///         .run();
/// }
/// ```
///
/// `PROOF_FILTER=text` keeps only the programs and checks whose name contains `text`.
pub struct Proof {
    lab: &'static Lab,
    items: Vec<Item>,
}

struct Item {
    /// What is proved, in words: the program's file name for a correct one, the bug's name
    /// for a classic-bug variant.
    name: String,
    program: String,
    /// `None`: every check must pass. `Some`: each of these must fail, measured.
    caught_by: Option<Vec<&'static str>>,
}

struct Job {
    item: usize,
    check: &'static crate::runner::Check,
}

impl Proof {
    pub fn new(lab: &'static Lab) -> Proof {
        Proof {
            lab,
            items: Vec::new(),
        }
    }

    /// `program` is correct: it must pass every check (or the check cannot measure here).
    pub fn passes(mut self, program: &str) -> Proof {
        let name = std::path::Path::new(program)
            .file_name()
            .map_or(program.to_string(), |n| n.to_string_lossy().into_owned());
        self.items.push(Item {
            name,
            program: program.to_string(),
            caught_by: None,
        });
        self
    }

    /// `program` has the classic bug `name`: each of `checks` must fail on it, measured.
    pub fn caught(mut self, name: &str, program: &str, checks: &[&'static str]) -> Proof {
        for id in checks {
            self.lab.check(id); // panics at once on a misspelt check
        }
        self.items.push(Item {
            name: name.to_string(),
            program: program.to_string(),
            caught_by: Some(checks.to_vec()),
        });
        self
    }

    /// Runs the whole proof; panics with every broken promise listed.
    pub fn run(self) {
        if let Err(problem) = self.lab.check_stages() {
            panic!("{problem}");
        }
        crate::process::raise_open_file_limit();
        let filter = std::env::var("PROOF_FILTER").unwrap_or_default();
        let mut jobs = Vec::new();
        for (index, item) in self.items.iter().enumerate() {
            let ids: Vec<&'static str> = match &item.caught_by {
                Some(ids) => ids.clone(),
                None => self.lab.checks.iter().map(|c| c.id).collect(),
            };
            for id in ids {
                if filter.is_empty() || item.name.contains(&filter) || id.contains(&filter) {
                    jobs.push(Job {
                        item: index,
                        check: self.lab.check(id),
                    });
                }
            }
        }
        let threads = std::env::var("LAB_PROOF_THREADS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(8usize);
        let broken: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
        let judge = |job: &Job| {
            let item = &self.items[job.item];
            let result = run_check(job.check, Lang::En, item.program.clone().into());
            let id = job.check.id;
            let verdict = match (&item.caught_by, &result.outcome) {
                (_, Err(f)) if f.verdict == Verdict::NotMeasured => {
                    format!("not measured here: {}", f.problem)
                }
                (None, Ok(())) => "ok".to_string(),
                (None, Err(_)) => {
                    let report = render_failure(self.lab, job.check, &result, Lang::En);
                    push(&broken, format!("{} fails `{id}`:\n{report}", item.name));
                    "FAILED".to_string()
                }
                (Some(_), Ok(())) => {
                    push(
                        &broken,
                        format!("{} passes `{id}`, which should catch it", item.name),
                    );
                    "NOT CAUGHT".to_string()
                }
                (Some(_), Err(_)) => {
                    // What a learner who made this mistake reads (shown with --nocapture).
                    println!("{}", render_failure(self.lab, job.check, &result, Lang::En));
                    let korean = render_failure(self.lab, job.check, &result, Lang::Ko);
                    if !korean.contains("해야 할 일") {
                        push(
                            &broken,
                            format!(
                                "{}: the Korean report of `{id}` is incomplete:\n{korean}",
                                item.name
                            ),
                        );
                    }
                    "caught".to_string()
                }
            };
            println!(
                "{} / {id}: {verdict} ({} ms)",
                item.name,
                result.elapsed.as_millis()
            );
        };
        let pool = |serial: bool, threads: usize| {
            let queue: std::sync::Mutex<std::collections::VecDeque<&Job>> =
                std::sync::Mutex::new(jobs.iter().filter(|j| j.check.serial == serial).collect());
            std::thread::scope(|scope| {
                for _ in 0..threads.max(1) {
                    scope.spawn(|| {
                        loop {
                            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                            let Some(job) = next else { break };
                            judge(job);
                        }
                    });
                }
            });
        };
        pool(false, threads);
        pool(true, 1);
        let broken = broken.into_inner().unwrap_or_else(|p| p.into_inner());
        assert!(
            broken.is_empty(),
            "{} broken promise(s) of {}'s grader:\n\n{}",
            broken.len(),
            self.lab.name,
            broken.join("\n\n")
        );
        assert!(!jobs.is_empty(), "PROOF_FILTER={filter} selects nothing");
    }
}

fn push(list: &std::sync::Mutex<Vec<String>>, entry: String) {
    list.lock().unwrap_or_else(|p| p.into_inner()).push(entry);
}
