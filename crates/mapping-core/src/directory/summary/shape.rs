//! A phone value's shape: every digit becomes `N`, so `+1 (425) 555-0100 x12` and
//! `+1 (206) 555-0199 x40` count as one format.

/// The shape of `value`: its first 64 characters, ASCII digits replaced by `N`.
pub fn shape(value: &str) -> String {
    value
        .chars()
        .take(64)
        .map(|c| if c.is_ascii_digit() { 'N' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_become_n() {
        assert_eq!(
            super::shape("+1 (425) 555-0100 x12"),
            "+N (NNN) NNN-NNNN xNN"
        );
    }
}
