//! Everything an admin sets up, as one serializable value with a version number.

use super::ui::{Mode, ResultsTab, SetupTab, Theme};
use mapping_core::graph::Lifecycle;
use mapping_core::mapping::model::MappingSet;
use mapping_core::mapping::presets;
use mapping_core::scim::Dialect;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version written into every saved state and share link. A state with a higher number was
/// made by a newer page and is refused with a notice rather than half-read.
pub const STATE_VERSION: u32 = 1;

/// The whole setup: mappings, the two users, and the options of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppState {
    /// The format version the state was written with; [`STATE_VERSION`] once read.
    pub version: u32,
    /// The mapping rows, in the order the table shows them.
    pub mappings: MappingSet,
    /// The user as pasted: Microsoft Graph JSON or flat source attributes (kept as text, so a
    /// half-typed edit survives a reload).
    pub user: String,
    /// The same user before a change, for the update (PATCH) preview.
    pub before: String,
    #[serde(default)]
    /// The preview's options.
    pub settings: Settings,
    #[serde(default)]
    /// Which panels are open.
    pub ui: UiState,
}

/// The options of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The lifecycle state the preview shows the requests for.
    pub lifecycle: Lifecycle,
    /// How PATCH requests are written (Entra's default, or with `aadOptscim062020`).
    pub dialect: Dialect,
    /// The API host of the Genesys Cloud region (for the Tenant URL); empty when none is picked.
    pub region: String,
    /// Two-letter region for phone numbers written without a country code, e.g. `US`.
    pub phone_region: String,
    /// Names of the groups that exist in Genesys Cloud, one per entry.
    pub genesys_groups: Vec<String>,
    /// Entra object id → Genesys user id of users already provisioned (resolves the manager).
    pub provisioned: BTreeMap<String, String>,
    /// The tenant's default domain, what `DefaultDomain()` returns (e.g. `contoso.com`); empty
    /// when not set (the function then fails, as it would without a verified domain).
    pub default_domain: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lifecycle: Lifecycle::Assigned,
            dialect: Dialect::Default,
            region: "api.mypurecloud.com".into(),
            phone_region: "US".into(),
            genesys_groups: vec!["Sales Agents".into(), "Support".into()],
            provisioned: BTreeMap::new(),
            default_domain: String::new(),
        }
    }
}

/// Which panels are open; restored with the rest so a reload looks the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UiState {
    /// Playground, Learn or Connect.
    pub mode: Mode,
    /// The open tab of the setup side.
    pub setup_tab: SetupTab,
    /// The open tab of the results side.
    pub results_tab: ResultsTab,
    /// The row whose evaluation the trace panel shows.
    pub trace_row: usize,
    /// The colour scheme.
    pub theme: Theme,
    /// Whether share links carry the users (they may hold personal data).
    pub share_users: bool,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            mode: Mode::Playground,
            setup_tab: SetupTab::Mappings,
            results_tab: ResultsTab::Requests,
            trace_row: 1,
            theme: Theme::Auto,
            share_users: true,
        }
    }
}

impl Default for AppState {
    /// Genesys's recommended mappings and the first sample user.
    fn default() -> Self {
        AppState {
            version: STATE_VERSION,
            mappings: presets::genesys_default(),
            user: super::samples::SAMPLES[0].json.to_string(),
            before: super::samples::BEFORE_USER.to_string(),
            settings: Settings::default(),
            ui: UiState::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_state_round_trips_through_json() {
        let state = AppState::default();
        let text = serde_json::to_string(&state).unwrap();
        assert!(text.contains("\"version\":1"), "{text}");
        let back: AppState = serde_json::from_str(&text).unwrap();
        assert_eq!(back, state);
    }

    #[test]
    fn missing_settings_and_ui_take_defaults() {
        let text = r#"{"version":1,"mappings":{"mappings":[]},"user":"{}","before":"{}"}"#;
        let state: AppState = serde_json::from_str(text).unwrap();
        assert_eq!(state.settings, Settings::default());
        assert_eq!(state.ui, UiState::default());
    }

    #[test]
    fn ui_choices_are_read_by_their_names() {
        let text = r#"{"version":1,"mappings":{"mappings":[]},"user":"{}","before":"{}",
            "ui":{"setupTab":"schema","resultsTab":"trace","theme":"dark","traceRow":3,"shareUsers":false}}"#;
        let state: AppState = serde_json::from_str(text).unwrap();
        assert_eq!(state.ui.setup_tab, SetupTab::Schema);
        assert_eq!(state.ui.results_tab, ResultsTab::Trace);
        assert_eq!(state.ui.theme, Theme::Dark);
        assert!(!state.ui.share_users);
    }
}
