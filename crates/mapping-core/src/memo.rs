//! Values computed from a text and remembered per thread, in a memo that is emptied when it is
//! full, so memory stays bounded whatever the texts: compiled regular expressions, compiled
//! proof expressions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// A thread's memo: text → value.
pub type Memo<T> = RefCell<HashMap<String, T>>;

/// The value for `text` from `memo`, or made by `make` and remembered (the memo is emptied first
/// when it holds `limit` values).
pub fn remembered<T: Clone>(
    memo: &'static LocalKey<Memo<T>>,
    text: &str,
    limit: usize,
    make: impl FnOnce(&str) -> T,
) -> T {
    if let Some(found) = memo.with(|m| m.borrow().get(text).cloned()) {
        return found;
    }
    let made = make(text);
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= limit {
            m.clear();
        }
        m.insert(text.to_owned(), made.clone());
    });
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: Memo<usize> = RefCell::new(HashMap::new());
    }

    #[test]
    fn a_value_is_made_once_and_the_memo_stays_within_its_limit() {
        let mut made = 0;
        for _ in 0..3 {
            assert_eq!(
                remembered(&LENGTHS, "abc", 4, |t| {
                    made += 1;
                    t.len()
                }),
                3
            );
        }
        assert_eq!(made, 1);
        for n in 0..10 {
            remembered(&LENGTHS, &n.to_string(), 4, str::len);
        }
        assert!(LENGTHS.with(|m| m.borrow().len()) <= 4);
    }
}
