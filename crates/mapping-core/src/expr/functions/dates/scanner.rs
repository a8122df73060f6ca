//! A cursor over text, with the few matching primitives the date readers need.

pub(super) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    pub(super) fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    pub(super) fn at_end(&self) -> bool {
        self.rest().is_empty()
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The current place in the text, to come back to with [`Scanner::rewind`].
    pub(super) fn mark(&self) -> usize {
        self.pos
    }

    /// Goes back to a place returned by [`Scanner::mark`].
    pub(super) fn rewind(&mut self, mark: usize) {
        self.pos = mark;
    }

    /// 1-based character position, for messages.
    pub(super) fn position(&self) -> usize {
        self.text
            .get(..self.pos)
            .map_or(0, |done| done.chars().count())
            + 1
    }

    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    pub(super) fn eat_sign(&mut self) -> Option<bool> {
        if self.eat('-') {
            Some(true)
        } else if self.eat('+') {
            Some(false)
        } else {
            None
        }
    }

    /// Consumes `word` if the text continues with it, ignoring ASCII case.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        match self.rest().get(..word.len()) {
            Some(head) if head.eq_ignore_ascii_case(word) => {
                self.pos += word.len();
                true
            }
            _ => false,
        }
    }

    /// Consumes between `min` and `max` ASCII digits and returns their value (saturating) and
    /// count; consumes nothing if fewer than `min` are present.
    pub(super) fn digits(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let rest = self.rest().as_bytes();
        let count = rest
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count < min {
            return None;
        }
        let value = rest[..count].iter().fold(0u32, |acc, b| {
            acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        });
        self.pos += count;
        Some((value, count))
    }

    pub(super) fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        self.digits(min, max).map(|(value, _)| value)
    }

    /// Consumes the digits of a fraction of a second (between `min` and `max`, at most 9) and
    /// returns it in nanoseconds.
    pub(super) fn fraction(&mut self, min: usize, max: usize) -> Option<u32> {
        self.digits(min, max)
            .map(|(value, count)| fraction_to_nanos(value, count))
    }

    pub(super) fn skip_whitespace(&mut self) -> usize {
        let rest = self.rest();
        let trimmed = rest.trim_start();
        let skipped = rest.len() - trimmed.len();
        self.pos += skipped;
        skipped
    }
}

/// Scales a fraction of `count` digits (at most 9) to nanoseconds.
fn fraction_to_nanos(value: u32, count: usize) -> u32 {
    let scale = 10u32.pow(9u32.saturating_sub(u32::try_from(count).unwrap_or(9)));
    value.saturating_mul(scale)
}
