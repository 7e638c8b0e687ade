//! The class's GitHub workflow agrees with the check tables: GitHub Classroom gives each
//! lab the sum of its checks' points, so a check added, removed or re-weighted in
//! `labs/labNN/tests/checks.rs` must show up in `.github/workflows/grade.yml` too. Points
//! are defined once, in the tables; this test makes the copy in the workflow follow them.

use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each lab's total points, summed from the `points: N` of its check table.
fn lab_points() -> Vec<(String, u32)> {
    let mut labs: Vec<(String, u32)> = fs::read_dir(root().join("labs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let checks = fs::read_to_string(e.path().join("tests/checks.rs")).ok()?;
            let points = checks
                .split("points: ")
                .skip(1)
                .filter_map(|rest| {
                    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                    digits.parse::<u32>().ok()
                })
                .sum();
            Some((name, points))
        })
        .collect();
    labs.sort();
    labs
}

#[test]
fn classroom_autograding_gives_each_lab_its_points() {
    let workflow = fs::read_to_string(root().join(".github/workflows/grade.yml")).unwrap();
    let labs = lab_points();
    assert!(!labs.is_empty());
    for (lab, points) in labs {
        let step = workflow
            .split("autograding-command-grader@")
            .skip(1)
            .find(|s| s.contains(&format!("test-name: {lab}\n")))
            .unwrap_or_else(|| panic!("grade.yml has no Classroom step for {lab}"));
        assert!(
            step.contains(&format!("command: cargo test -p {lab} --test grader\n")),
            "the Classroom step for {lab} does not run its grader"
        );
        assert!(
            step.contains(&format!("max-score: {points}\n")),
            "the Classroom step for {lab} must be worth {points} points, the sum of its checks"
        );
        assert!(workflow.contains(&format!("{}_RESULTS: \"${{{{ steps.{lab}.outputs.result }}}}\"", lab.to_uppercase())), "the reporter misses {lab}");
    }
}
