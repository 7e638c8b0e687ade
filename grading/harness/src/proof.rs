//! The course's proof that a grader is right: it passes the reference solution, and it fails
//! each classic-bug variant with the check named for that bug. Called from each solution's
//! `tests/proof.rs`, which `cargo test` at the repository root runs.

use crate::Lang;
use crate::runner::{CheckResult, Lab, render_failure, run_check, run_checks};

/// Panics, with the full reports, unless every check of `lab` passes against `program`.
pub fn passes_every_check(lab: &Lab, program: &str) {
    let checks: Vec<_> = lab.checks.iter().collect();
    let results = run_checks(&checks, Lang::En, program.as_ref(), 8, &|_, _| {});
    let reports: Vec<String> = checks
        .iter()
        .zip(&results)
        .filter(|(_, r)| !r.passed())
        .map(|(c, r)| render_failure(lab, c, r, Lang::En))
        .collect();
    assert!(
        reports.is_empty(),
        "the reference solution of {} fails {} check(s):\n{}",
        lab.name,
        reports.len(),
        reports.join("\n")
    );
}

/// Panics unless each check in `checks` fails against `program` (a classic-bug variant).
/// The reports are rendered in both languages, and printed, so a maintainer sees exactly
/// what a learner who made this mistake would read.
pub fn caught_by(lab: &Lab, program: &str, checks: &[&str]) {
    for id in checks {
        let check = lab.check(id);
        let result: CheckResult = run_check(check, Lang::En, program.into());
        assert!(
            !result.passed(),
            "{program} passes `{id}`, which should catch this bug"
        );
        println!("{}", render_failure(lab, check, &result, Lang::En));
        let korean = render_failure(lab, check, &result, Lang::Ko);
        assert!(
            korean.contains("해야 할 일"),
            "the Korean report is incomplete:\n{korean}"
        );
    }
}
