//! What a failed check tells the learner.
//!
//! A failure reads as steps, the way CS144's test logs do: the situation the check set up,
//! what the grader sent, what it expected, what came back, and then the likely cause. The
//! grader adds what to implement and where the book explains it (see [`crate::runner`]).
//! When the grader recognises the mistake behind a failure (a [`Diagnosis`]: Content-Length
//! counted in characters, a panic, a socket fixed to IPv4), that diagnosis replaces the
//! check's fixed advice, and every failure it explains says so. Every text is already in
//! the learner's language when it gets here.

use std::fmt;

/// One labelled line of a failure report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The situation the check set up, in words: "a first client connected and stays idle".
    Situation(String),
    /// What the grader sent: bytes, datagrams, a command line. Never narration.
    Sent(String),
    /// What a correct program does.
    Expected(String),
    /// What this program did.
    Got(String),
    /// Anything else worth knowing (the program's stderr, a measurement).
    Note(String),
}

/// A mistake the grader recognised from what it observed, which explains this failure and,
/// often, others in the same run: the grader reports each one once, with the checks it
/// explains, so that fourteen failures with one root cause read as one thing to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    /// Failures with the same key share one cause (`content-length-in-characters`,
    /// `todo src/main.rs:77:5`).
    pub key: String,
    /// The mistake in a few words, in the learner's language.
    pub title: String,
    /// What was observed and why it points at this mistake.
    pub cause: String,
    /// What to change; it replaces the check's own "to pass" line.
    pub to_pass: String,
    /// The `{#id}` of the chapter section that explains it, when it is not the check's own.
    pub section: Option<&'static str>,
}

/// Whether the check saw the program fail, or could not measure what it checks here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Verdict {
    /// The program did something the contract forbids.
    #[default]
    Failed,
    /// This machine cannot measure what the check checks (no `/proc`, no IPv6 loopback): no
    /// points, and the report says so instead of passing in silence.
    NotMeasured,
}

/// A check that did not pass, with everything the learner needs to see why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// One line: what went wrong.
    pub problem: String,
    /// The exchange that shows it, in order.
    pub steps: Vec<Step>,
    /// The likely mistake behind it, when the grader can tell.
    pub cause: Option<String>,
    /// The root cause, when the grader recognised one; see [`Diagnosis`]. (Boxed: a
    /// failure travels in every `Result` of a check, and is best kept small.)
    pub diagnosis: Option<Box<Diagnosis>>,
    pub verdict: Verdict,
}

impl Failure {
    pub fn new(problem: impl Into<String>) -> Failure {
        Failure {
            problem: problem.into(),
            steps: Vec::new(),
            cause: None,
            diagnosis: None,
            verdict: Verdict::Failed,
        }
    }

    /// A check that could not measure here what it checks, and says why.
    pub fn not_measured(why: impl Into<String>) -> Failure {
        Failure {
            verdict: Verdict::NotMeasured,
            ..Failure::new(why)
        }
    }

    /// Says what situation the check set up, in words (not bytes: those are `sent`).
    pub fn situation(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Situation(what.into()));
        self
    }

    pub fn sent(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Sent(what.into()));
        self
    }

    /// Shows the bytes a connection sent since its last answer, when there were any: a
    /// `sent b""` line would only confuse.
    pub fn sent_bytes(self, lang: crate::Lang, bytes: &[u8]) -> Failure {
        if bytes.is_empty() {
            self
        } else {
            self.sent(crate::text::show(lang, bytes))
        }
    }

    pub fn expected(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Expected(what.into()));
        self
    }

    pub fn got(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Got(what.into()));
        self
    }

    pub fn note(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Note(what.into()));
        self
    }

    /// Sets the likely cause; a cause the harness found first (the program crashed, say)
    /// is kept, because it is closer to the truth than a check's guess.
    pub fn cause(mut self, why: impl Into<String>) -> Failure {
        if self.cause.is_none() {
            self.cause = Some(why.into());
        }
        self
    }

    /// Names the root cause. The first diagnosis sticks, like the first cause: the harness's
    /// (a crash) is closer to the truth than a check's guess.
    pub fn diagnosis(mut self, diagnosis: Diagnosis) -> Failure {
        if self.diagnosis.is_none() {
            self.diagnosis = Some(Box::new(diagnosis));
        }
        self
    }

    /// Puts a step before the others: used to say what led up to the failing exchange.
    pub fn context(mut self, step: Step) -> Failure {
        self.steps.insert(0, step);
        self
    }
}

/// The result of a check.
pub type Outcome = Result<(), Failure>;

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.problem)
    }
}
