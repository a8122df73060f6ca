use crate::components::common::{TabList, TabPanel};
use crate::components::mappings::MappingsPanel;
use crate::components::settings::{OptionsPanel, SchemaPanel};
use crate::components::user::{BeforePanel, UserPanel};
use crate::state::Store;
use leptos::prelude::*;

const GROUP: &str = "setup";

/// The left-hand side: mappings, the users, schema import/export and options.
#[component]
pub fn SetupPane() -> impl IntoView {
    let store = expect_context::<Store>();
    let rows = move || store.rows.with(Vec::len);
    let tabs = vec![
        (
            "mappings",
            Signal::derive(move || format!("Mappings ({})", rows())),
        ),
        ("user", Signal::derive(|| "User".to_string())),
        ("before", Signal::derive(|| "Before (update)".to_string())),
        ("schema", Signal::derive(|| "Import / export".to_string())),
        ("options", Signal::derive(|| "Options".to_string())),
    ];
    view! {
        <section class="pane setup-pane" aria-labelledby="setup-title">
            <div class="pane-head">
                <h2 id="setup-title">"Your setup"</h2>
            </div>
            <TabList group=GROUP label="Setup" selected=store.setup_tab tabs=tabs />
            <TabPanel group=GROUP id="mappings" selected=store.setup_tab>
                <MappingsPanel />
            </TabPanel>
            <TabPanel group=GROUP id="user" selected=store.setup_tab>
                <UserPanel />
            </TabPanel>
            <TabPanel group=GROUP id="before" selected=store.setup_tab>
                <BeforePanel />
            </TabPanel>
            <TabPanel group=GROUP id="schema" selected=store.setup_tab>
                <SchemaPanel />
            </TabPanel>
            <TabPanel group=GROUP id="options" selected=store.setup_tab>
                <OptionsPanel />
            </TabPanel>
        </section>
    }
}
