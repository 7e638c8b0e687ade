//! Points are defined once, in each lab's check table (`labs/labNN/tests/checks.rs`). Two
//! places repeat them for readers who cannot run code: the class's GitHub workflow (GitHub
//! Classroom gives each lab the sum of its checks' points) and the instructor's appendix in
//! both languages. These tests make both copies follow the tables, so a check added,
//! removed or re-weighted fails here until the copies say the same.

use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each lab's number of checks and total points, from the `points: N` of its check table.
fn lab_table() -> Vec<(String, usize, u32)> {
    let mut labs: Vec<(String, usize, u32)> = fs::read_dir(root().join("labs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let checks = fs::read_to_string(e.path().join("tests/checks.rs")).ok()?;
            let points: Vec<u32> = checks
                .split("points: ")
                .skip(1)
                .filter_map(|rest| {
                    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                    digits.parse::<u32>().ok()
                })
                .collect();
            Some((name, points.len(), points.iter().sum()))
        })
        .collect();
    labs.sort();
    labs
}

#[test]
fn classroom_autograding_gives_each_lab_its_points() {
    let workflow = fs::read_to_string(root().join(".github/workflows/grade.yml")).unwrap();
    let labs = lab_table();
    assert!(!labs.is_empty());
    for (lab, _, points) in labs {
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
        assert!(
            workflow.contains(&format!(
                "{}_RESULTS: \"${{{{ steps.{lab}.outputs.result }}}}\"",
                lab.to_uppercase()
            )),
            "the reporter misses {lab}"
        );
    }
}

#[test]
fn the_instructors_appendix_gives_each_lab_its_checks_and_points() {
    for lang in ["en", "ko"] {
        let page =
            fs::read_to_string(root().join(format!("src/{lang}/appendix-instructors.md"))).unwrap();
        for (lab, checks, points) in lab_table() {
            let row = page
                .lines()
                .find(|l| l.starts_with(&format!("| {lab} |")))
                .unwrap_or_else(|| {
                    panic!("src/{lang}/appendix-instructors.md has no row for {lab}")
                });
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(
                cells.get(2..4),
                Some(&[checks.to_string().as_str(), points.to_string().as_str()][..]),
                "src/{lang}/appendix-instructors.md: {lab} has {checks} checks worth {points} points"
            );
        }
    }
}

/// Each lab's checks marked `serial: true`, as `(lab, id)`, from its check table.
fn serial_checks() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (lab, _, _) in lab_table() {
        let table =
            fs::read_to_string(root().join("labs").join(&lab).join("tests/checks.rs")).unwrap();
        // Each `Check {` literal: its id, and whether it says `serial: true`.
        for entry in table.split("Check {").skip(1) {
            let Some(id) = entry
                .split("id: \"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
            else {
                continue;
            };
            if entry.contains("serial: true") {
                found.push((lab.clone(), id.to_string()));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn nextest_runs_the_serial_checks_alone() {
    // cargo-nextest runs every check in a process of its own, in parallel; the config must
    // give each timing-sensitive check every slot, as the graders' own runner does.
    let config = fs::read_to_string(root().join(".config/nextest.toml")).unwrap();
    let mut listed: Vec<(String, String)> = config
        .split("[[profile.default.overrides]]")
        .skip(1)
        .filter(|o| o.contains("threads-required = \"num-test-threads\""))
        .filter_map(|o| {
            let filter = o.split("filter = \"").nth(1)?.split('"').next()?;
            let lab = filter.strip_prefix("package(")?.split(')').next()?;
            let id = filter.split("test(=").nth(1)?.split(')').next()?;
            Some((lab.to_string(), id.to_string()))
        })
        .collect();
    listed.sort();
    let serial = serial_checks();
    assert!(
        !serial.is_empty(),
        "no check is marked serial: the parser is broken"
    );
    assert_eq!(
        listed, serial,
        ".config/nextest.toml must list exactly the checks marked `serial: true`"
    );
}
