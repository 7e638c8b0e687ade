//! `cargo lab hint N` climbs a ladder written for each check: `labs/labNN/hints.en.md` and
//! `labs/labNN/hints.ko.md` (format in `grading/runner/src/hints.rs`). These tests keep the
//! ladders complete and in step with the check tables: a check added without its hints, a
//! hint left for a check that is gone, a step missing, or one language ahead of the other
//! fails here.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every lab directory with a check table, in order.
fn labs() -> Vec<PathBuf> {
    let mut labs: Vec<PathBuf> = fs::read_dir(root().join("labs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("tests/checks.rs").is_file())
        .collect();
    labs.sort();
    labs
}

/// The ids of a lab's checks, in the order of its table.
fn check_ids(lab: &Path) -> Vec<String> {
    let table = fs::read_to_string(lab.join("tests/checks.rs")).unwrap();
    table
        .split("Check {")
        .skip(1)
        .filter_map(|entry| {
            entry
                .split("id: \"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(String::from)
        })
        .collect()
}

/// `(id, steps)` of each ladder in a hints file, parsed as the runner parses it: `## id`,
/// then `### N` steps; `#` lines inside code blocks start nothing.
fn ladders(path: &Path) -> Vec<(String, Vec<String>)> {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (every lab has its hints)", path.display()));
    let mut ladders: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code {
            if let Some(id) = line.strip_prefix("## ") {
                ladders.push((id.trim().trim_matches('`').to_string(), Vec::new()));
                continue;
            }
            if line.starts_with("### ") {
                if let Some((_, steps)) = ladders.last_mut() {
                    steps.push(String::new());
                }
                continue;
            }
        }
        if let Some(step) = ladders.last_mut().and_then(|(_, s)| s.last_mut()) {
            step.push_str(line);
            step.push('\n');
        }
    }
    ladders
}

#[test]
fn every_check_has_a_three_step_ladder_in_both_languages() {
    let labs = labs();
    assert!(labs.len() >= 5, "the labs were not found");
    for lab in labs {
        let ids = check_ids(&lab);
        assert!(!ids.is_empty(), "{}: no checks parsed", lab.display());
        for lang in ["en", "ko"] {
            let path = lab.join(format!("hints.{lang}.md"));
            let written = ladders(&path);
            let written_ids: Vec<&str> = written.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(
                written_ids,
                ids.iter().map(String::as_str).collect::<Vec<_>>(),
                "{}: one ladder per check, in the order of the check table",
                path.display()
            );
            for (id, steps) in &written {
                assert_eq!(
                    steps.len(),
                    3,
                    "{}: `{id}` has {} steps; a ladder has three (concept, API, sketch)",
                    path.display(),
                    steps.len()
                );
                for (n, step) in steps.iter().enumerate() {
                    assert!(
                        step.trim().chars().count() >= 40,
                        "{}: `{id}` step {} is empty or too short to teach anything",
                        path.display(),
                        n + 1
                    );
                }
                // Step 2 names where to look: an API in backticks and its documentation.
                assert!(
                    steps[1].contains('`')
                        && (steps[1].contains("https://") || steps[1].contains("RFC")),
                    "{}: `{id}` step 2 names no API in backticks with its docs (a https:// link or an RFC section)",
                    path.display()
                );
            }
        }
    }
}
