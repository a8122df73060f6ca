//! What the page computes from the [`Store`]: the mapping set, the two users parsed (keeping the
//! last good version while the text is broken), and the [`Analysis`]. One set of memos, shared
//! by context, so every panel reads the same values and nothing is computed twice.

use crate::debounce::Debouncer;
use crate::state::Store;
use leptos::prelude::*;
use mapping_core::mapping::model::MappingSet;
use playground_model::timing::{self, Deferred};
use playground_model::view::analysis::{self, Analysis, Inputs};
use playground_model::view::json::{self, JsonError};
use serde_json::Value as Json;
use std::sync::Arc;

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

impl Derived {
    pub fn new(store: Store, now: i64) -> Self {
        let set = Memo::new(move |_| store.mapping_set());
        // The mapping set the analysis reads: the set itself, or for large users (re-reading a
        // multi-megabyte user on every keystroke would block typing) the set once edits pause.
        // The editors themselves (colours, errors, autocomplete) stay immediate.
        let settled = RwSignal::new(set.get_untracked());
        let debouncer = Debouncer::new();
        Effect::new(move |_| {
            let current = set.get();
            let delay = timing::delay(Deferred::Analysis, untrack(|| store.users_len()));
            debouncer.run(delay, move || {
                if settled.with_untracked(|s| *s != current) {
                    settled.set(current);
                }
            });
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
