//! GitHub Classroom's autograding results, one test per check.
//!
//! Classroom's reporter (`classroom-resources/autograding-grading-reporter`) reads, for each
//! runner named in its `runners` input, an environment variable `RUNNER_RESULTS` holding a
//! base64-encoded JSON object:
//!
//! ```text
//! { "version": 1, "status": "pass" | "fail" | "error", "max_score": 30,
//!   "tests": [ { "name": "echoes_one_line", "status": "pass" | "fail", "score": 2,
//!                "message": null, "line_no": null, "execution_time": "12ms" }, ... ] }
//! ```
//!
//! and gives the repository the sum of the tests' `score` out of the sum of the runners'
//! `max_score`. The stock command grader makes one test per command, so a lab was worth all
//! of its points or none; here every check is a test with its own points, so 25 of 26 points
//! count as 25. A lab that does not compile keeps its full `max_score` (from its check
//! table), so the denominator never shrinks: it is reported as an error with 0 points.
//!
//! `cargo lab grade --format classroom` prints a line `labNN=BASE64` per lab, for the
//! workflow to append to `$GITHUB_OUTPUT`; `--save DIR` writes the same to `classroom.txt`.

use serde_json::{Value, json};

use crate::grade::Outcome;
use crate::labs::{self, LabDir};

/// The results of one lab, as the reporter reads them (before base64).
pub fn payload(lab: &LabDir, outcome: &Outcome) -> Value {
    let max_score = labs::max_points(lab);
    match outcome {
        Outcome::Graded(report) => {
            let tests: Vec<Value> = report
                .checks
                .iter()
                .map(|c| {
                    json!({
                        "name": c.id,
                        "status": if c.passed { "pass" } else { "fail" },
                        "score": if c.passed { c.max_points } else { 0 },
                        "message": c.message,
                        "line_no": null,
                        "execution_time": format!("{}ms", c.elapsed_ms),
                    })
                })
                .collect();
            let all_passed = report.checks.iter().all(|c| c.passed);
            json!({
                "version": 1,
                "status": if all_passed { "pass" } else { "fail" },
                "max_score": max_score,
                "tests": tests,
            })
        }
        Outcome::DoesNotCompile(e) | Outcome::Broken(e) => json!({
            "version": 1,
            "status": "error",
            "max_score": max_score,
            "tests": [{
                "name": format!("{} builds and its grader runs", lab.name),
                "status": "fail",
                "score": 0,
                "message": e,
                "line_no": null,
                "execution_time": "0ms",
            }],
        }),
    }
}

/// A line `labNN=BASE64` per lab: step outputs for `$GITHUB_OUTPUT`.
pub fn outputs(results: &[(LabDir, Outcome)]) -> String {
    results
        .iter()
        .map(|(lab, outcome)| {
            let json = payload(lab, outcome).to_string();
            format!("{}={}\n", lab.name, base64(json.as_bytes()))
        })
        .collect()
}

/// Standard base64 (RFC 4648 §4), with padding: what Node's `Buffer.from(s, "base64")`
/// reads. Twenty lines are less to trust than a dependency for one call.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        // RFC 4648 §10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64("한".as_bytes()), "7ZWc");
    }
}
