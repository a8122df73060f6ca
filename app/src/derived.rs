//! What the page computes from the [`Store`]: the mapping set, the two users parsed (keeping the
//! last good version while the text is broken), and the [`Analysis`]. One set of memos, shared
//! by context, so every panel reads the same values and nothing is computed twice.

use crate::state::Store;
use crate::view::analysis::{self, Analysis, Inputs};
use crate::view::json::{self, JsonError};
use leptos::prelude::*;
use mapping_core::mapping::model::MappingSet;
use serde_json::Value as Json;
use std::sync::Arc;
use std::time::Duration;

/// A user text, parsed: the last JSON that parsed (or `{}`), and the current error if the text
/// does not parse now.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub json: Arc<Json>,
    pub error: Option<JsonError>,
}

impl PartialEq for Parsed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.json, &other.json) && self.error == other.error
    }
}

fn parse_keeping_last_good(text: &str, prev: Option<&Parsed>) -> Parsed {
    match json::parse(text) {
        Ok(json) => match prev {
            // Same value as before (e.g. only whitespace changed): keep the Arc, so nothing
            // downstream recomputes.
            Some(p) if *p.json == json => Parsed {
                json: p.json.clone(),
                error: None,
            },
            _ => Parsed {
                json: Arc::new(json),
                error: None,
            },
        },
        Err(error) => Parsed {
            json: prev.map_or_else(
                || Arc::new(Json::Object(Default::default())),
                |p| p.json.clone(),
            ),
            error: Some(error),
        },
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Derived {
    pub set: Memo<MappingSet>,
    pub user: Memo<Parsed>,
    pub before: Memo<Parsed>,
    pub analysis: Memo<Arc<Analysis>>,
    /// The source attribute names of the user (for autocomplete).
    pub attribute_names: Memo<Arc<Vec<String>>>,
}

/// Users larger than this (in bytes of JSON text, both together) make the analysis wait until
/// typing in the mappings pauses: re-reading a multi-megabyte user on every keystroke would block
/// typing. The editors themselves (colours, errors, autocomplete) stay immediate.
pub const LARGE_USERS: usize = 200_000;
/// How long typing must pause before the analysis runs on a large user.
const LARGE_PAUSE: Duration = Duration::from_millis(200);

impl Derived {
    pub fn new(store: Store, now: i64) -> Self {
        let set = Memo::new(move |_| store.mapping_set());
        let large = Memo::new(move |_| {
            store.user.text.with(String::len) + store.before.text.with(String::len) > LARGE_USERS
        });
        // The mapping set the analysis reads: the set itself, or for large users the set once
        // edits pause.
        let settled = RwSignal::new(set.get_untracked());
        let timer = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let current = set.get();
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            if large.get_untracked() {
                let handle = set_timeout_with_handle(move || settled.set(current), LARGE_PAUSE);
                timer.set_value(handle.ok());
            } else if settled.with_untracked(|s| *s != current) {
                settled.set(current);
            }
        });
        let user = Memo::new(move |prev: Option<&Parsed>| {
            store.user.text.with(|t| parse_keeping_last_good(t, prev))
        });
        let before = Memo::new(move |prev: Option<&Parsed>| {
            store.before.text.with(|t| parse_keeping_last_good(t, prev))
        });
        let analysis = Memo::new(move |_| {
            let user = user.with(|u| u.json.clone());
            let before = before.with(|u| u.json.clone());
            settled.with(|set| {
                store.settings.with(|settings| {
                    Arc::new(analysis::analyse(&Inputs {
                        set,
                        user: &user,
                        before: &before,
                        settings,
                        now,
                    }))
                })
            })
        });
        let attribute_names =
            Memo::new(move |_| analysis.with(|a| Arc::new(a.source.names.clone())));
        Derived {
            set,
            user,
            before,
            analysis,
            attribute_names,
        }
    }
}
