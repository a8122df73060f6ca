//! Bounded work and memory for one evaluation: how large a value may grow, how many bytes an
//! evaluation may produce in all, and how many steps (function calls and regular-expression
//! work) it may take. Past a limit, the function fails with a message naming the limit, which
//! the evaluator turns into a positioned diagnostic on the call.

/// Largest value (in bytes of UTF-8) a function may produce. Entra's attributes are far smaller;
/// this only stops runaway growth (`Replace(…, "^(.*)$", , "$1$1")` nested, `Join` of itself…).
pub const MAX_VALUE_BYTES: usize = 4 << 20;

/// Bytes all the calls of one evaluation may produce together.
pub const MAX_EVALUATION_BYTES: usize = 64 << 20;

/// Steps one evaluation may take: one per function call, plus each regular expression's
/// estimated work (its automaton size times the characters it reads) and one per match.
pub const MAX_STEPS: u64 = 200_000_000;

/// Backtracking steps one regular-expression search may take (fancy-regex's
/// `backtrack_limit`): the preview's equivalent of .NET's match timeout.
pub const REGEX_BACKTRACK_LIMIT: usize = 1_000_000;

/// What is left of one evaluation's allowance.
#[derive(Debug, Clone)]
pub struct Budget {
    steps_left: u64,
    bytes_left: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            steps_left: MAX_STEPS,
            bytes_left: MAX_EVALUATION_BYTES,
        }
    }
}

impl Budget {
    /// Takes `steps` from the allowance; `what` says what they are for, in the message.
    ///
    /// # Errors
    ///
    /// When the evaluation's step limit is reached.
    pub fn spend(&mut self, steps: u64, what: &str) -> Result<(), String> {
        if steps > self.steps_left {
            self.steps_left = 0;
            return Err(format!(
                "{what} would pass the work limit of one evaluation ({} steps); \
                 simplify the expression or the pattern, or shorten the value",
                group_digits(MAX_STEPS)
            ));
        }
        self.steps_left -= steps;
        Ok(())
    }

    /// Checks that a value being built (`len` bytes so far) is within the size limits.
    ///
    /// # Errors
    ///
    /// When the value is larger than [`MAX_VALUE_BYTES`] or than what is left of
    /// [`MAX_EVALUATION_BYTES`].
    pub fn check_size(&self, len: usize) -> Result<(), String> {
        if len > MAX_VALUE_BYTES {
            return Err(format!(
                "the result would be larger than the value size limit ({} bytes); \
                 an expression that doubles its text in a loop grows past any attribute",
                group_digits(MAX_VALUE_BYTES as u64)
            ));
        }
        if len > self.bytes_left {
            return Err(format!(
                "the evaluation would produce more than its memory limit ({} bytes in all)",
                group_digits(MAX_EVALUATION_BYTES as u64)
            ));
        }
        Ok(())
    }

    /// Records a finished value of `len` bytes.
    ///
    /// # Errors
    ///
    /// As [`Budget::check_size`].
    pub fn produce(&mut self, len: usize) -> Result<(), String> {
        self.check_size(len)?;
        self.bytes_left -= len;
        Ok(())
    }
}

/// `1234567` → `1,234,567`.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_out_with_a_message_naming_the_limit() {
        let mut b = Budget::default();
        assert!(b.spend(MAX_STEPS - 1, "x").is_ok());
        assert!(b.spend(1, "x").is_ok());
        let err = b.spend(1, "Replace's pattern").unwrap_err();
        assert!(err.contains("200,000,000 steps"), "{err}");
    }

    #[test]
    fn sizes_are_capped_per_value_and_per_evaluation() {
        let mut b = Budget::default();
        assert!(b.check_size(MAX_VALUE_BYTES).is_ok());
        assert!(b
            .check_size(MAX_VALUE_BYTES + 1)
            .unwrap_err()
            .contains("4,194,304 bytes"));
        for _ in 0..16 {
            b.produce(MAX_VALUE_BYTES).unwrap();
        }
        assert!(b.produce(1).unwrap_err().contains("memory limit"));
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(200_000_000), "200,000,000");
    }
}
