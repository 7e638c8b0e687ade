//! Points are defined once, in each lab's check table (`labs/labNN/tests/checks.rs`). The
//! instructor's appendix repeats them, in both languages, for readers who cannot run code;
//! these tests make it follow the tables, so a check added, removed or re-weighted fails here
//! until the appendix says the same. The class's GitHub workflow repeats no points (each
//! check goes to Classroom with its own), but must hand Classroom every lab: tested here too.
//! So is the list of serial checks that cargo-nextest runs alone.

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
fn classroom_autograding_reports_every_lab() {
    // Each check is a Classroom test with its own points (`cargo lab grade --format
    // classroom`), so the workflow repeats no points: it must grade, hand every lab's results
    // to the reporter, and name every lab as a runner.
    let workflow = fs::read_to_string(root().join(".github/workflows/grade.yml")).unwrap();
    assert!(
        workflow.contains("cargo lab grade --save grades")
            && workflow.contains("cat grades/classroom.txt >> \"$GITHUB_OUTPUT\""),
        "grade.yml must grade once and pass classroom.txt on as step outputs"
    );
    assert!(
        workflow.contains("name: Autograding Tests"),
        "Classroom's reporter posts points on the check run named \"Autograding Tests\""
    );
    let labs = lab_table();
    assert!(!labs.is_empty());
    let names: Vec<&str> = labs.iter().map(|(lab, _, _)| lab.as_str()).collect();
    assert!(
        workflow.contains(&format!("runners: {}\n", names.join(","))),
        "the reporter's runners must be exactly the labs: {}",
        names.join(",")
    );
    for lab in names {
        assert!(
            workflow.contains(&format!(
                "{}_RESULTS: \"${{{{ steps.grade.outputs.{lab} }}}}\"",
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
