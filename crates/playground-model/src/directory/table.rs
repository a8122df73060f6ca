//! The users table: one compact row per user, and the filter (outcome, finding code), search
//! and sort that pick and order them. The worker holds every row and answers the page's requests
//! with [`select`]; the page only ever holds the rows on screen.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A user as the table shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// Place in the input order (0-based), for opening the user.
    pub index: u32,
    /// The user's `id`, as read from the export.
    pub id: String,
    /// The user's `userName`.
    pub user_name: String,
    /// The user's display name.
    pub display_name: String,
    /// `create`, `update`, `unchanged`, `out of scope` or `fail` (the core's `Outcome::as_str`).
    pub outcome: String,
    /// Finding codes, each once, in the order found.
    pub codes: Vec<String>,
    /// Why the user fails, or why they are out of scope.
    pub note: String,
}

/// Columns the table sorts by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SortKey {
    /// Input order.
    #[default]
    Position,
    /// By `userName`.
    UserName,
    /// By display name.
    DisplayName,
    /// By outcome.
    Outcome,
    /// Number of finding codes.
    Findings,
}

impl SortKey {
    /// Every key, in the order the page offers them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Position,
        SortKey::UserName,
        SortKey::DisplayName,
        SortKey::Outcome,
        SortKey::Findings,
    ];

    /// The key's name in the page's state and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Position => "position",
            SortKey::UserName => "userName",
            SortKey::DisplayName => "displayName",
            SortKey::Outcome => "outcome",
            SortKey::Findings => "findings",
        }
    }

    /// The key's label on the page.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Position => "file order",
            SortKey::UserName => "userName",
            SortKey::DisplayName => "display name",
            SortKey::Outcome => "outcome",
            SortKey::Findings => "number of findings",
        }
    }

    /// The key named `name` (see [`SortKey::name`]); [`SortKey::Position`] for an unknown name.
    pub fn from_name(name: &str) -> SortKey {
        SortKey::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .unwrap_or_default()
    }
}

/// A sort: the column and the direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sort {
    /// The column sorted by.
    pub key: SortKey,
    /// `true`: descending (the order reversed); `false`: ascending.
    pub descending: bool,
}

/// Which rows, in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Query {
    /// Only this outcome (`None` = all).
    pub outcome: Option<String>,
    /// Only users with this finding code.
    pub code: Option<String>,
    /// Text found (ignoring case) in the id, userName, display name or note.
    pub search: String,
    /// The order of the rows kept.
    pub sort: Sort,
}

impl Query {
    /// Whether `row` passes the filters and the search; `needle` is the search in lower case.
    fn keeps(&self, row: &Row, needle: &str) -> bool {
        if self.outcome.as_deref().is_some_and(|o| o != row.outcome) {
            return false;
        }
        if let Some(code) = &self.code {
            if !row.codes.iter().any(|c| c == code) {
                return false;
            }
        }
        needle.is_empty()
            || [&row.user_name, &row.display_name, &row.id, &row.note]
                .iter()
                .any(|field| contains_ignoring_case(field, needle))
    }
}

fn contains_ignoring_case(haystack: &str, needle_lower: &str) -> bool {
    if haystack.is_ascii() && needle_lower.is_ascii() {
        return haystack
            .as_bytes()
            .windows(needle_lower.len())
            .any(|w| w.eq_ignore_ascii_case(needle_lower.as_bytes()));
    }
    haystack.to_lowercase().contains(needle_lower)
}

/// The order of outcomes in the table: the ones that need attention first.
fn outcome_rank(outcome: &str) -> u8 {
    match outcome {
        "fail" => 0,
        "create" => 1,
        "update" => 2,
        "unchanged" => 3,
        "out of scope" => 4,
        _ => 5,
    }
}

fn compare(key: SortKey, a: &Row, b: &Row) -> Ordering {
    let by_key = match key {
        SortKey::Position => Ordering::Equal,
        SortKey::UserName => a.user_name.to_lowercase().cmp(&b.user_name.to_lowercase()),
        SortKey::DisplayName => a
            .display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase()),
        SortKey::Outcome => outcome_rank(&a.outcome).cmp(&outcome_rank(&b.outcome)),
        SortKey::Findings => a.codes.len().cmp(&b.codes.len()),
    };
    by_key.then(a.index.cmp(&b.index))
}

/// The indices (into `rows`) of the rows `query` keeps, in its order.
pub fn select(rows: &[Row], query: &Query) -> Vec<u32> {
    let needle = query.search.trim().to_lowercase();
    let mut picked: Vec<u32> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| query.keeps(r, &needle))
        .map(|(i, _)| i as u32)
        .collect();
    let key = query.sort.key;
    if key == SortKey::UserName || key == SortKey::DisplayName {
        // Lower-case each name once, not once per comparison.
        let name = |r: &Row| {
            if key == SortKey::UserName {
                r.user_name.to_lowercase()
            } else {
                r.display_name.to_lowercase()
            }
        };
        picked.sort_by_cached_key(|&i| (name(&rows[i as usize]), i));
    } else if key != SortKey::Position {
        picked.sort_by(|&a, &b| compare(key, &rows[a as usize], &rows[b as usize]));
    }
    if query.sort.descending {
        picked.reverse();
    }
    picked
}

/// A selection kept between page requests: the same query asks for the next window without
/// filtering and sorting again.
#[derive(Debug, Default)]
pub struct Selection {
    query: Option<Query>,
    picked: Vec<u32>,
}

impl Selection {
    /// The rows `offset..offset + limit` under `query`, and how many the query keeps.
    pub fn page(
        &mut self,
        rows: &[Row],
        query: &Query,
        offset: usize,
        limit: usize,
    ) -> (usize, Vec<Row>) {
        if self.query.as_ref() != Some(query) {
            self.picked = select(rows, query);
            self.query = Some(query.clone());
        }
        let total = self.picked.len();
        let start = offset.min(total);
        let end = offset.saturating_add(limit).min(total);
        let page = self.picked[start..end]
            .iter()
            .map(|&i| rows[i as usize].clone())
            .collect();
        (total, page)
    }

    /// Forgets the cached selection (new rows).
    pub fn clear(&mut self) {
        *self = Selection::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(index: u32, user: &str, outcome: &str, codes: &[&str]) -> Row {
        Row {
            index,
            id: format!("id-{index}"),
            user_name: user.into(),
            display_name: user.to_uppercase(),
            outcome: outcome.into(),
            codes: codes.iter().map(|c| c.to_string()).collect(),
            note: String::new(),
        }
    }

    fn rows() -> Vec<Row> {
        vec![
            row(0, "carl@x", "create", &[]),
            row(1, "Anna@x", "fail", &["phone-rejected", "missing-required"]),
            row(2, "björn@x", "update", &["phone-rejected"]),
            row(3, "dora@x", "out of scope", &[]),
        ]
    }

    fn names(rows: &[Row], picked: &[u32]) -> Vec<String> {
        picked
            .iter()
            .map(|&i| rows[i as usize].user_name.clone())
            .collect()
    }

    #[test]
    fn filters_by_outcome_and_by_code() {
        let rows = rows();
        let q = Query {
            outcome: Some("fail".into()),
            ..Query::default()
        };
        assert_eq!(names(&rows, &select(&rows, &q)), ["Anna@x"]);
        let q = Query {
            code: Some("phone-rejected".into()),
            ..Query::default()
        };
        assert_eq!(names(&rows, &select(&rows, &q)), ["Anna@x", "björn@x"]);
    }

    #[test]
    fn search_ignores_case_also_beyond_ascii() {
        let rows = rows();
        let q = Query {
            search: " ANNA ".into(),
            ..Query::default()
        };
        assert_eq!(names(&rows, &select(&rows, &q)), ["Anna@x"]);
        let q = Query {
            search: "BJÖRN".into(),
            ..Query::default()
        };
        assert_eq!(names(&rows, &select(&rows, &q)), ["björn@x"]);
        let q = Query {
            search: "id-3".into(),
            ..Query::default()
        };
        assert_eq!(names(&rows, &select(&rows, &q)), ["dora@x"]);
    }

    #[test]
    fn sorts_by_each_key_both_ways() {
        let rows = rows();
        let sorted = |key, descending| {
            let q = Query {
                sort: Sort { key, descending },
                ..Query::default()
            };
            names(&rows, &select(&rows, &q))
        };
        assert_eq!(
            sorted(SortKey::UserName, false),
            ["Anna@x", "björn@x", "carl@x", "dora@x"]
        );
        assert_eq!(
            sorted(SortKey::UserName, true),
            ["dora@x", "carl@x", "björn@x", "Anna@x"]
        );
        assert_eq!(
            sorted(SortKey::Outcome, false),
            ["Anna@x", "carl@x", "björn@x", "dora@x"]
        );
        assert_eq!(
            sorted(SortKey::Findings, true),
            ["Anna@x", "björn@x", "dora@x", "carl@x"]
        );
        assert_eq!(
            sorted(SortKey::Position, false),
            ["carl@x", "Anna@x", "björn@x", "dora@x"]
        );
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_name(key.name()), key);
        }
    }

    #[test]
    fn pages_are_cut_from_one_selection_and_clamped() {
        let rows = rows();
        let mut s = Selection::default();
        let q = Query::default();
        let (total, page) = s.page(&rows, &q, 1, 2);
        assert_eq!(total, 4);
        assert_eq!(page.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 2]);
        let (total, page) = s.page(&rows, &q, 3, usize::MAX);
        assert_eq!((total, page.len()), (4, 1));
        let (_, page) = s.page(&rows, &q, 10, 5);
        assert!(page.is_empty());
        let fail = Query {
            outcome: Some("fail".into()),
            ..Query::default()
        };
        assert_eq!(s.page(&rows, &fail, 0, 10).0, 1);
    }
}
