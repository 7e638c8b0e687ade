//! `cargo lab` on the reference solutions: every lab at full points, and a half-solved tree
//! (one lab nearly done, the others untouched) reported as such in every format. Each test
//! grades once and reads everything else from what that grading saved. The graders are pointed at the
//! solutions with LABNN_BIN, the same switch a learner uses to grade another program.
//! (Not in the student export: it needs solutions/.)

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The labs that have a reference solution, as (NN, path to the built solution binary).
fn solutions() -> Vec<(String, PathBuf)> {
    let mut found: Vec<String> = std::fs::read_dir(root().join("solutions"))
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_prefix("lab")
                .map(String::from)
        })
        .collect();
    found.sort();
    let packages: Vec<String> = found.iter().map(|nn| format!("lab{nn}-solution")).collect();
    let mut build = Command::new(env!("CARGO"));
    build.current_dir(root()).args(["build", "--quiet"]);
    for p in &packages {
        build.args(["--package", p]);
    }
    build.timeout(Duration::from_secs(900)).assert().success();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    found
        .into_iter()
        .map(|nn| {
            let bin = target.join("debug").join(format!("lab{nn}-solution"));
            assert!(bin.is_file(), "{} was not built", bin.display());
            (nn, bin)
        })
        .collect()
}

fn lab(state: &str) -> Command {
    let mut cmd = Command::cargo_bin("lab-runner").unwrap();
    let dir = std::env::temp_dir().join(format!(
        "lab-runner-solutions-{state}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    cmd.env("LAB_LANG", "en")
        .env("NO_COLOR", "1")
        .env("LAB_RUNNER_STATE", dir)
        .timeout(Duration::from_secs(900));
    for nn in 1..=9 {
        cmd.env_remove(format!("LAB0{nn}_BIN"));
    }
    cmd
}

/// A built classic-bug variant (solutions() builds them with the references).
fn bug(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let bin = target.join("debug").join(name);
    assert!(bin.is_file(), "{} was not built", bin.display());
    bin
}

/// A lab's worth: the sum of the points in its check table.
fn table_points(lab: &str) -> u64 {
    std::fs::read_to_string(root().join("labs").join(lab).join("tests/checks.rs"))
        .unwrap()
        .split("points: ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse::<u64>().ok()
        })
        .sum()
}

fn grade_json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd
        .args(["grade", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn every_reference_solution_gets_full_points() {
    let solutions = solutions();
    let with_solutions = |cmd: &mut Command| {
        for (nn, bin) in &solutions {
            cmd.env(format!("LAB{nn}_BIN"), bin);
        }
    };
    let mut cmd = lab("full");
    with_solutions(&mut cmd);
    let report = grade_json(&mut cmd);
    for lab in report["labs"].as_array().unwrap() {
        assert_eq!(
            lab["points"], lab["max_points"],
            "{} does not get full points: {lab:#}",
            lab["lab"]
        );
    }
    // status reads what that grading saved (nothing is graded again): every lab done.
    let mut status = lab("full");
    with_solutions(&mut status);
    let out = status
        .arg("status")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    for (nn, _) in &solutions {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("lab{nn}")))
            .unwrap_or_else(|| panic!("no line for lab{nn}:\n{out}"));
        assert!(line.contains("done"), "{out}");
    }
}

/// Standard base64 (RFC 4648), as Classroom's reporter decodes it.
fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> = text
        .bytes()
        .filter(|&b| b != b'=')
        .map(|b| ALPHABET.iter().position(|&a| a == b).expect("base64") as u32)
        .collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn a_half_solved_tree_gets_partial_credit_everywhere() {
    // lab02 graded against a classic bug that fails one check, the other labs untouched: one
    // grading, whose saved reports must all say so. Classroom must see the other checks'
    // points, out of the lab's full worth, not all or nothing; the untouched labs score 0,
    // still out of their full worth; status shows lab02's progress without regrading.
    solutions(); // builds the references and their bug variants
    let bin = bug("lab02-bug-no-reuseaddr");
    let saved = std::env::temp_dir().join(format!("lab-runner-half-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&saved);
    let printed = lab("half")
        .env("LAB02_BIN", &bin)
        .args(["grade", "--format", "json", "--save"])
        .arg(&saved)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&printed).unwrap();
    let mut checks = 0;
    for lab in report["labs"].as_array().unwrap() {
        if lab["lab"] == "lab02" {
            checks = lab["checks"].as_array().unwrap().len();
            let points = lab["points"].as_u64().unwrap();
            assert!(
                points > 0 && points < lab["max_points"].as_u64().unwrap(),
                "{lab:#}"
            );
        } else {
            assert_eq!(lab["points"], 0, "{lab:#}");
        }
    }
    let status = lab("half")
        .env("LAB02_BIN", &bin)
        .arg("status")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let status = String::from_utf8_lossy(&status);
    let line = status.lines().find(|l| l.starts_with("lab02")).unwrap();
    assert!(
        line.contains(&format!("{}/{checks}", checks - 1)) && !line.contains("done"),
        "{status}"
    );

    let out = std::fs::read_to_string(saved.join("classroom.txt")).unwrap();
    let mut seen = 0;
    for line in out.lines() {
        let (name, encoded) = line.split_once('=').expect("labNN=BASE64");
        let payload: serde_json::Value = serde_json::from_slice(&unbase64(encoded)).unwrap();
        let tests = payload["tests"].as_array().unwrap();
        let score: u64 = tests.iter().map(|t| t["score"].as_u64().unwrap()).sum();
        let max = payload["max_score"].as_u64().unwrap();
        let worth = table_points(name);
        assert_eq!(max, worth, "{name}: max_score is the lab's worth");
        if name == "lab02" {
            let failed: Vec<&str> = tests
                .iter()
                .filter(|t| t["status"] == "fail")
                .map(|t| t["name"].as_str().unwrap())
                .collect();
            assert_eq!(failed, ["restarts_on_the_same_port"], "{payload:#}");
            assert!(score > 0 && score < max, "lab02 scores {score}/{max}");
            assert_eq!(payload["status"], "fail");
            for t in tests {
                let expected = if t["status"] == "pass" {
                    t["score"].as_u64().unwrap()
                } else {
                    0
                };
                assert_eq!(t["score"].as_u64().unwrap(), expected);
            }
        } else {
            assert_eq!(score, 0, "{name} is untouched");
        }
        seen += 1;
    }
    assert_eq!(seen, solutions().len(), "one line per lab:\n{out}");
    let _ = std::fs::remove_dir_all(&saved);
}
