//! Where the page's state comes from when it opens, decided without touching the browser: a
//! share link in the address wins, then the saved state, then the defaults. Nothing here fails:
//! a damaged link or saved state gives a notice and the next source.

use super::codec;
use super::model::AppState;
use super::ui::NoticeLevel;

/// The storage key of the saved state.
pub const STORAGE_KEY: &str = "scim-playground.state";
/// Where an unreadable saved state is moved, so nothing the admin had is lost.
pub const BROKEN_KEY: &str = "scim-playground.unreadable-state";

/// The state to start with and what the page must do about how it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// The state to show.
    pub state: AppState,
    /// Messages for the notice bar (e.g. why a share link or the saved state was not read).
    pub notices: Vec<(NoticeLevel, String)>,
    /// The address carried a share link: take it out of the address.
    pub clear_hash: bool,
    /// The saved text could not be read: keep it under [`BROKEN_KEY`].
    pub keep_broken: Option<String>,
}

/// The starting state, given the address's fragment and the saved text.
pub fn start(hash: Option<&str>, saved: Option<String>) -> Start {
    let mut start = Start {
        state: AppState::default(),
        notices: Vec::new(),
        clear_hash: false,
        keep_broken: None,
    };
    if let Some(payload) = hash.and_then(codec::payload_in_hash) {
        start.clear_hash = true;
        match codec::from_link_payload(payload) {
            Ok(state) => {
                start.state = state;
                start.notices.push((NoticeLevel::Info, OPENED_LINK.to_string()));
                return start;
            }
            Err(e) => start.notices.push((
                NoticeLevel::Error,
                format!("The shared link could not be opened: {e}. You are working with your saved setup or the defaults instead."),
            )),
        }
    }
    if let Some(text) = saved {
        match codec::from_json(&text) {
            Ok(state) => start.state = state,
            Err(e) => {
                start.notices.push((
                    NoticeLevel::Error,
                    format!("Your saved setup could not be read: {e}. Started with the defaults (the unreadable copy is kept in this browser's storage as \"{BROKEN_KEY}\")."),
                ));
                start.keep_broken = Some(text);
            }
        }
    }
    start
}

/// The notice after a share link opened.
pub const OPENED_LINK: &str = "Opened the setup from the shared link.";

/// A share link pasted into an open page's address: the state to load, or the notice saying
/// why not (the setup is then unchanged). `None` when the fragment is not a share link.
pub fn link_pasted(hash: &str) -> Option<Result<AppState, String>> {
    let payload = codec::payload_in_hash(hash)?;
    Some(
        codec::from_link_payload(payload).map_err(|e| {
            format!("The shared link could not be opened: {e}. Your setup is unchanged.")
        }),
    )
}

/// What to save, given the state and whether storage refused it whole: the state as JSON, and
/// if the users make it too large, the state without them.
pub fn save_plan(state: &AppState) -> (String, Option<String>) {
    let whole = codec::to_json(state);
    let without_users = crate::timing::is_large(state.user.len() + state.before.len())
        .then(|| codec::to_json(&codec::for_sharing(state, false)));
    (whole, without_users)
}

/// What came of saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// All of it.
    Whole,
    /// The mappings and settings, without the users.
    WithoutUsers,
    /// Nothing: why.
    Failed(String),
}

impl Saved {
    /// The notice to show, unless one was shown since the last whole save (`warned`).
    pub fn notice(&self, warned: bool) -> Option<(NoticeLevel, String)> {
        match self {
            Saved::Whole => None,
            _ if warned => None,
            Saved::WithoutUsers => Some((
                NoticeLevel::Info,
                "The users are too large for this browser's storage: the mappings and settings are saved, the users will not survive a reload.".into(),
            )),
            Saved::Failed(e) => Some((NoticeLevel::Error, format!("Not saved: {e}."))),
        }
    }
}

/// Saves `state` through `store` (which writes one text and says why it could not): the whole
/// state, or without the users when only that fits.
pub fn save_with(state: &AppState, mut store: impl FnMut(&str) -> Result<(), String>) -> Saved {
    let (whole, without_users) = save_plan(state);
    match store(&whole) {
        Ok(()) => Saved::Whole,
        Err(e) => match without_users {
            Some(smaller) if store(&smaller).is_ok() => Saved::WithoutUsers,
            _ => Saved::Failed(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_wins_over_the_saved_state() {
        let mut shared = AppState::default();
        shared.settings.phone_region = "GB".into();
        let hash = format!("#s={}", codec::to_link_payload(&shared));
        let saved = codec::to_json(&AppState::default());
        let s = start(Some(&hash), Some(saved));
        assert_eq!(s.state, shared);
        assert!(s.clear_hash);
        assert_eq!(
            s.notices,
            vec![(NoticeLevel::Info, OPENED_LINK.to_string())]
        );
    }

    #[test]
    fn a_damaged_link_falls_back_to_the_saved_state_with_a_notice() {
        let mut saved = AppState::default();
        saved.ui.trace_row = 7;
        let s = start(Some("#s=%%%"), Some(codec::to_json(&saved)));
        assert_eq!(s.state, saved);
        assert!(s.clear_hash);
        assert_eq!(s.notices.len(), 1);
        assert_eq!(s.notices[0].0, NoticeLevel::Error);
    }

    #[test]
    fn an_unreadable_saved_state_is_kept_aside() {
        let s = start(Some("#other"), Some("{broken".into()));
        assert_eq!(s.state, AppState::default());
        assert!(!s.clear_hash);
        assert_eq!(s.keep_broken.as_deref(), Some("{broken"));
        assert!(s.notices[0].1.contains(BROKEN_KEY));
        let fresh = start(None, None);
        assert!(fresh.notices.is_empty() && fresh.keep_broken.is_none());
    }

    #[test]
    fn a_pasted_link_loads_or_explains() {
        assert!(link_pasted("#nothing").is_none());
        let ok = format!("#s={}", codec::to_link_payload(&AppState::default()));
        assert_eq!(link_pasted(&ok).unwrap().unwrap(), AppState::default());
        assert!(link_pasted("#s=AAAA")
            .unwrap()
            .unwrap_err()
            .contains("unchanged"));
    }

    #[test]
    fn saving_drops_the_users_only_when_they_are_what_does_not_fit() {
        let small = AppState::default();
        assert_eq!(save_with(&small, |_| Ok(())), Saved::Whole);
        assert!(matches!(
            save_with(&small, |_| Err("full".into())),
            Saved::Failed(e) if e == "full"
        ));
        let big = AppState {
            user: format!("{{\"a\": \"{}\"}}", "x".repeat(300_000)),
            ..AppState::default()
        };
        let mut written = Vec::new();
        let saved = save_with(&big, |text| {
            written.push(text.len());
            if text.len() > 100_000 {
                Err("full".into())
            } else {
                Ok(())
            }
        });
        assert_eq!(saved, Saved::WithoutUsers);
        assert_eq!(written.len(), 2);
        assert!(saved.notice(false).is_some());
        assert!(saved.notice(true).is_none(), "said once");
        assert!(Saved::Whole.notice(false).is_none());
    }
}
