//! The inputs of an evaluation besides the expression and the user: the clock, the seed for
//! randomness, the values already taken in the target, the tenant's default domain.

use std::collections::BTreeSet;
use time::OffsetDateTime;

/// Everything an evaluation depends on besides the expression and the user, so that results are
/// reproducible: the clock, a seed for `Guid`/`RandomString`, the values already taken in the
/// target (for `SelectUniqueValue`).
#[derive(Debug, Clone)]
pub struct EvalContext {
    /// The clock that `Now()` and the date functions read.
    pub now: OffsetDateTime,
    /// Seed of the random generator behind `Guid()` and `RandomString` (same seed, same values).
    pub seed: u64,
    /// Values that already exist in the target, compared case-insensitively.
    pub taken: BTreeSet<String>,
    /// Record a [`TraceNode`](super::trace::TraceNode) tree.
    pub trace: bool,
    /// The tenant's default verified domain, for `DefaultDomain()`: tenant data, an input of the
    /// evaluation like the clock. `None` when the tenant has none (then `DefaultDomain()` fails).
    pub default_domain: Option<String>,
}

impl EvalContext {
    /// A context with this clock, a fixed seed, nothing taken, no trace and no default domain.
    pub fn new(now: OffsetDateTime) -> Self {
        EvalContext {
            now,
            seed: 0x5eed,
            taken: BTreeSet::new(),
            trace: false,
            default_domain: None,
        }
    }

    /// A context whose clock reads `seconds` since 1970-01-01T00:00:00Z (out-of-range values
    /// clamp to the epoch), for callers that do not use the `time` crate (the web app).
    pub fn from_unix_seconds(seconds: i64) -> Self {
        EvalContext::new(
            OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }

    /// The same context with this default domain for `DefaultDomain()`.
    pub fn with_default_domain(mut self, domain: impl Into<String>) -> Self {
        self.default_domain = Some(domain.into());
        self
    }

    /// The same context, recording a [`crate::expr::trace::TraceNode`] tree of the evaluation.
    pub fn with_trace(mut self) -> Self {
        self.trace = true;
        self
    }

    /// Whether `value` already exists in the target, ignoring ASCII case.
    pub fn is_taken(&self, value: &str) -> bool {
        self.taken.iter().any(|t| t.eq_ignore_ascii_case(value))
    }
}

impl Default for EvalContext {
    /// A fixed clock (2024-01-01T00:00:00Z) for tests and examples.
    fn default() -> Self {
        EvalContext::new(
            OffsetDateTime::from_unix_timestamp(1_704_067_200)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }
}
