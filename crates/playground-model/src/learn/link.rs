//! The link a trainer hands out to open one lesson: `#lesson=<id>`. It shares the fragment with
//! the share link (`#s=…`); each reader only takes its own key, so the two never mistake each
//! other.

/// The fragment key of a lesson link.
pub const LESSON_KEY: &str = "lesson=";

/// The longest lesson id a link may carry (ids are short kebab-case words).
const MAX_ID_LEN: usize = 64;

/// The lesson id in a location hash (`#lesson=number-and-extension`), if the hash is a lesson
/// link with a well-formed id (lower-case letters, digits and `-`).
pub fn lesson_in_hash(hash: &str) -> Option<&str> {
    let id = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(LESSON_KEY)?
        .trim();
    let well_formed = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    well_formed.then_some(id)
}

/// The fragment that opens lesson `id`.
pub fn lesson_hash(id: &str) -> String {
    format!("#{LESSON_KEY}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::codec;
    use crate::state::startup;
    use crate::state::AppState;

    #[test]
    fn a_lesson_link_round_trips() {
        let hash = lesson_hash("number-and-extension");
        assert_eq!(hash, "#lesson=number-and-extension");
        assert_eq!(lesson_in_hash(&hash), Some("number-and-extension"));
        assert_eq!(lesson_in_hash("lesson=groups"), Some("groups"));
    }

    #[test]
    fn malformed_or_foreign_fragments_are_not_lessons() {
        for hash in [
            "",
            "#",
            "#lesson=",
            "#lesson=Groups",
            "#lesson=../x",
            "#lesson=a b",
            "#s=lesson=groups",
            "#other",
        ] {
            assert_eq!(lesson_in_hash(hash), None, "{hash}");
        }
        let long = format!("#lesson={}", "a".repeat(MAX_ID_LEN + 1));
        assert_eq!(lesson_in_hash(&long), None);
    }

    #[test]
    fn share_links_and_lesson_links_coexist_in_the_fragment() {
        let payload = codec::to_link_payload(&AppState::default());
        let share = format!("#s={payload}");
        assert_eq!(lesson_in_hash(&share), None);
        assert_eq!(codec::payload_in_hash(&share), Some(payload.as_str()));
        let lesson = lesson_hash("groups");
        assert_eq!(codec::payload_in_hash(&lesson), None);
        assert!(startup::link_pasted(&lesson).is_none());
        // A lesson link leaves the saved setup alone and the fragment for Learn to read.
        let mut saved = AppState::default();
        saved.settings.phone_region = "DE".into();
        let start = startup::start(Some(&lesson), Some(codec::to_json(&saved)));
        assert_eq!(start.state, saved);
        assert!(!start.clear_hash);
        assert!(start.notices.is_empty());
    }
}
