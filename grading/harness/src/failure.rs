//! What a failed check tells the learner.
//!
//! A failure reads as steps, the way CS144's test logs do: what the grader sent, what it
//! expected, what came back, and then the likely cause. The grader adds what to implement
//! and where the book explains it (see [`crate::runner`]). Every text is already in the
//! learner's language when it gets here.

use std::fmt;

/// One labelled line of a failure report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// What the grader did or sent.
    Sent(String),
    /// What a correct program does.
    Expected(String),
    /// What this program did.
    Got(String),
    /// Anything else worth knowing (the program's stderr, a measurement).
    Note(String),
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
}

impl Failure {
    pub fn new(problem: impl Into<String>) -> Failure {
        Failure {
            problem: problem.into(),
            steps: Vec::new(),
            cause: None,
        }
    }

    pub fn sent(mut self, what: impl Into<String>) -> Failure {
        self.steps.push(Step::Sent(what.into()));
        self
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
