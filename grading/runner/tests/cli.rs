//! `cargo lab` as a learner meets it: on the untouched starters every lab fails with
//! guidance, and the commands say what is wrong with bad input. These tests need no
//! solution, so they travel with the student export.

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

fn lab() -> Command {
    let mut cmd = Command::cargo_bin("lab-runner").expect("the runner is built");
    cmd.env("LAB_LANG", "en")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(600));
    // Grade the crates themselves, whatever the environment points at.
    for nn in 1..=9 {
        cmd.env_remove(format!("LAB0{nn}_BIN"));
    }
    cmd
}

/// lab02's number of checks and its points, read from its check table: the one place they
/// are defined, so these tests follow when a check is added.
fn lab02_size() -> (usize, u32) {
    let table = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../labs/lab02/tests/checks.rs"),
    )
    .unwrap();
    let points: Vec<u32> = table
        .split("points: ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse().ok()
        })
        .collect();
    (points.len(), points.iter().sum())
}

fn state() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lab-runner-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn help_lists_the_commands() {
    lab().arg("--help").assert().success().stdout(
        predicate::str::contains("status")
            .and(predicate::str::contains("check N"))
            .and(predicate::str::contains("hint N"))
            .and(predicate::str::contains("watch N"))
            .and(predicate::str::contains("export-student DIR")),
    );
    lab()
        .env("LAB_LANG", "ko")
        .arg("help")
        .assert()
        .success()
        .stdout(predicate::str::contains("사용법"));
}

#[test]
fn a_reader_that_goes_away_ends_the_runner_quietly() {
    // `cargo lab hint 5 | head -3`: once head exits, the runner's next write fails. It must
    // end the way `ls | head` does (SIGPIPE), not panic in println!. The pipe's reading end
    // is closed before the runner starts, so its very first write meets it, every run.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lab-runner"))
        .arg("--help")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(13), "{:?} {stderr}", out.status);
    }
}

#[test]
fn bad_input_is_a_message_not_a_panic() {
    lab().arg("frobnicate").assert().code(2).stderr(
        predicate::str::contains("unknown command").and(predicate::str::contains("panicked").not()),
    );
    lab()
        .args(["check", "99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no lab `99`"));
    lab()
        .args(["grade", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--format takes human, json, junit, markdown or classroom",
        ));
}

#[test]
fn one_grading_feeds_status_every_report_and_the_hints() {
    // Every lab's starter is graded once (`grade --save`); status, the hints and a regrade of
    // what changed all work from what that grading saved, as they do for a learner.
    let (checks, points) = lab02_size();
    let dir = state();

    // Nothing graded yet in this state folder: status answers at once, out of every lab's
    // full worth, and says how to grade.
    lab()
        .arg("status")
        .env("LAB_RUNNER_STATE", &dir)
        .assert()
        .success()
        .stdout(
            predicate::str::contains(format!("-/{points}"))
                .and(predicate::str::contains("not checked: cargo lab check 2"))
                .and(predicate::str::contains("status --regrade")),
        );

    // One grading of every lab: --save writes all the reports, and --format prints one more.
    let reports = dir.join("reports");
    let printed = lab()
        .args(["grade", "--format=junit", "--save"])
        .arg(&reports)
        .env("LAB_RUNNER_STATE", &dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let read = |name: &str| {
        std::fs::read_to_string(reports.join(name))
            .unwrap_or_else(|e| panic!("--save did not write {name}: {e}"))
    };

    let json: serde_json::Value = serde_json::from_str(&read("report.json")).unwrap();
    let lab02 = json["labs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lab"] == "lab02")
        .expect("lab02 is graded");
    assert_eq!(lab02["points"], 0);
    assert_eq!(lab02["max_points"], points);
    assert_eq!(lab02["checks"].as_array().unwrap().len(), checks);

    let junit = read("report.xml");
    assert_eq!(
        String::from_utf8_lossy(&printed),
        junit,
        "--format prints what --save wrote"
    );
    assert!(junit.starts_with("<?xml"));
    assert!(junit.contains(&format!(
        "<testsuite name=\"lab02\" tests=\"{checks}\" failures=\"{checks}\">"
    )));
    assert!(junit.contains("<failure message="));

    let markdown = read("report.md");
    assert!(markdown.contains("| lab | chapter | checks | points |"));
    let row = markdown.lines().find(|l| l.starts_with("| lab02 |"));
    assert!(
        row.is_some_and(
            |r| r.contains(&format!("0/{checks}")) && r.contains(&format!("0/{points}"))
        ),
        "{markdown}"
    );

    let classroom = read("classroom.txt");
    let names: Vec<&str> = classroom
        .lines()
        .map(|l| l.split_once('=').expect("labNN=BASE64").0)
        .collect();
    assert!(names.contains(&"lab02"), "{classroom}");

    // Now status reads what was saved, grading nothing: it answers in well under a second
    // (grading lab02 alone takes several), within 80 columns, with the next step per lab.
    // (Another test may touch a file of lab02 meanwhile: then lab02 shows as changed, with
    // the same numbers, which these assertions allow.)
    let started = std::time::Instant::now();
    let out = lab()
        .arg("status")
        .env("LAB_RUNNER_STATE", &dir)
        .env("COLUMNS", "80")
        .assert()
        .success()
        .stdout(
            predicate::str::contains(format!("0/{checks}"))
                .and(predicate::str::contains(format!("0/{points}")))
                .and(predicate::str::contains("TODO 1"))
                .and(predicate::str::contains("total: 0/"))
                .and(predicate::str::contains("not checked").not()),
        )
        .get_output()
        .stdout
        .clone();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "status took {:?}",
        started.elapsed()
    );
    for line in String::from_utf8_lossy(&out).lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 80, "{width} columns: {line}");
    }
    // Grading another program than the one graded is a change: the old numbers are shown
    // as old, and status says how to grade again.
    lab()
        .arg("status")
        .env("LAB_RUNNER_STATE", &dir)
        .env("LAB02_BIN", env!("CARGO_BIN_EXE_lab-runner"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains(format!("(0/{checks})"))
                .and(predicate::str::contains("changed: cargo lab check 2")),
        );

    // The hints climb lab02's written ladder from the saved grading: the concept, then where
    // to look with the book's paragraph, then the shape of a solution; and the end of the
    // ladder is said, not repeated silently.
    let hint = |level: &str| {
        let out = lab()
            .args(["hint", "2"])
            .env("LAB_RUNNER_STATE", &dir)
            .assert()
            .failure()
            .stdout(predicate::str::contains(format!("hint {level} of 3")))
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    let first = hint("1");
    let second = hint("2");
    let third = hint("3");
    let again = hint("3");
    assert!(
        second.len() > first.len() && third.len() > second.len(),
        "hints do not grow:\n{first}\n{second}\n{third}"
    );
    assert!(first.contains("1. Think about it"), "{first}");
    assert!(!first.contains("2. Where to look"), "{first}");
    assert!(
        second.contains("2. Where to look") && second.contains("The book explains it in"),
        "{second}"
    );
    assert!(third.contains("3. The shape of a solution"), "{third}");
    assert!(third.contains("That was the last hint"), "{third}");
    assert!(again.contains("You have seen every hint"), "{again}");

    // A grader that cannot start its program is reported as such, not as a compile error;
    // --regrade grades only lab02, whose program changed.
    lab()
        .args(["status", "--regrade"])
        .env("LAB_RUNNER_STATE", &dir)
        .env("LAB02_BIN", "/nonexistent/program")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("is not a file")
                .and(predicate::str::contains("compile error").not()),
        );
}

#[test]
fn status_fits_an_80_column_terminal() {
    let out = lab()
        .arg("status")
        .env("LAB_RUNNER_STATE", state())
        .env("COLUMNS", "80")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    for line in String::from_utf8_lossy(&out).lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 80, "{width} columns: {line}");
    }
}

#[test]
fn the_korean_status_table_lines_up_in_a_terminal() {
    // Hangul takes two columns in a terminal: the table pads by display width, so each
    // row's last column starts where its heading does, and no line passes 80 columns.
    use unicode_width::UnicodeWidthStr;
    let out = lab()
        .arg("status")
        .env("LAB_LANG", "ko")
        .env("LAB_RUNNER_STATE", state())
        .env("COLUMNS", "80")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    let lines: Vec<&str> = out.lines().collect();
    let heading = lines[0];
    let start = |line: &str, text: &str| line.find(text).map(|i| line[..i].width());
    let next_column = start(heading, "다음에 할 일").expect("the heading names the next step");
    let rows: Vec<&&str> = lines.iter().filter(|l| l.starts_with("lab")).collect();
    assert!(rows.len() >= 5, "{out}");
    for row in rows {
        assert_eq!(
            start(row, "채점 전"),
            Some(next_column),
            "the next step does not start under its heading:\n{heading}\n{row}"
        );
    }
    for line in &lines {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
}

#[test]
fn check_shows_the_graders_explanations() {
    let (checks, _) = lab02_size();
    lab()
        .args(["check", "2"])
        .env("LAB_RUNNER_STATE", state())
        .assert()
        .failure()
        .stdout(
            predicate::str::contains(format!("lab02: 0 passed, {checks} failed"))
                .and(predicate::str::contains("to pass"))
                .and(predicate::str::contains("src/en/ch02-life-of-a-socket.md#")),
        );
}

#[test]
fn watch_grades_again_when_a_file_changes() {
    use std::io::BufRead;
    let probe = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../labs/lab02/watch-probe.tmp");
    let _ = std::fs::remove_file(&probe);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lab-runner"))
        .args(["watch", "2"])
        .env("LAB_LANG", "en")
        .env("NO_COLOR", "1")
        .env("LAB_WATCH_RUNS", "2")
        .env("LAB_RUNNER_STATE", state())
        .env_remove("LAB02_BIN")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    // Change a file as soon as the first grading is reported, not after a guessed delay.
    let mut text = String::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    let mut changed = false;
    while let Ok(line) =
        rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()))
    {
        text.push_str(&line);
        text.push('\n');
        if !changed && line.contains("[watch] lab02 graded") {
            std::fs::write(&probe, "changed").unwrap();
            changed = true;
        }
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    let _ = std::fs::remove_file(&probe);
    assert!(status.success(), "watch ended with {status}:\n{text}");
    assert_eq!(text.matches("[watch] lab02 graded").count(), 2, "{text}");
    assert!(text.contains("a file changed"), "{text}");
    // The verdict, then the full report of the first failing check only.
    let (checks, _) = lab02_size();
    assert!(
        text.contains(&format!("stages, 0/{checks} checks")),
        "{text}"
    );
    assert_eq!(text.matches("The first one, `").count(), 2, "{text}");
    assert_eq!(
        text.matches("---- ").count(),
        2,
        "one report per grading:\n{text}"
    );
}

#[test]
fn the_student_export_has_no_solutions_and_still_builds() {
    let dir = std::env::temp_dir().join(format!("student-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    lab()
        .arg("export-student")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote"));
    assert!(!dir.join("solutions").exists(), "solutions/ was exported");
    assert!(dir.join("labs/lab02/src/main.rs").is_file());
    assert!(
        !dir.join("grading/runner/tests/solutions.rs").exists(),
        "a file in .student-exclude was exported"
    );
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(
        !manifest.contains("solutions"),
        "the workspace still names solutions/"
    );
    // The workspace loads: every member it names exists.
    Command::new(env!("CARGO"))
        .current_dir(&dir)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .assert()
        .success();
    // A second export into a folder that is not empty is refused.
    lab()
        .arg("export-student")
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
    let _ = std::fs::remove_dir_all(&dir);
}
