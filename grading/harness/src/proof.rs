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
use crate::runner::{CheckResult, Lab, render_failure, run_check, run_checks};

/// Panics, with the full reports, unless every check of `lab` passes against `program` (or
/// cannot be measured here).
pub fn passes_every_check(lab: &Lab, program: &str) {
    let checks: Vec<_> = lab.checks.iter().collect();
    let results = run_checks(&checks, Lang::En, program.as_ref(), 8, &|_, _| {});
    let mut reports = Vec::new();
    for (check, result) in checks.iter().zip(&results) {
        match &result.outcome {
            Ok(()) => {}
            Err(f) if f.verdict == Verdict::NotMeasured => {
                println!("not measured here: {}: {}", check.id, f.problem);
            }
            Err(_) => reports.push(render_failure(lab, check, result, Lang::En)),
        }
    }
    assert!(
        reports.is_empty(),
        "{program} ({}) fails {} check(s):\n{}",
        lab.name,
        reports.len(),
        reports.join("\n")
    );
}

/// Panics unless each check in `checks` fails against `program` (a classic-bug variant),
/// measured (not "cannot measure here"). The reports are rendered in both languages, and
/// printed, so a maintainer sees exactly what a learner who made this mistake would read.
pub fn caught_by(lab: &Lab, program: &str, checks: &[&str]) {
    for id in checks {
        let check = lab.check(id);
        let result: CheckResult = run_check(check, Lang::En, program.into());
        match &result.outcome {
            Ok(()) => panic!("{program} passes `{id}`, which should catch this bug"),
            Err(f) if f.verdict == Verdict::NotMeasured => {
                println!("cannot prove `{id}` catches {program} here: {}", f.problem);
                continue;
            }
            Err(_) => {}
        }
        println!("{}", render_failure(lab, check, &result, Lang::En));
        let korean = render_failure(lab, check, &result, Lang::Ko);
        assert!(
            korean.contains("해야 할 일"),
            "the Korean report is incomplete:\n{korean}"
        );
    }
}
