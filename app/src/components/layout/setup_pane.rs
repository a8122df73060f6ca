use crate::components::common::{TabList, TabPanel};
use crate::components::mappings::MappingsPanel;
use crate::components::settings::{OptionsPanel, SchemaPanel};
use crate::components::user::{BeforePanel, UserPanel};
use crate::state::{SetupTab, Store};
use leptos::prelude::*;

const GROUP: &str = "setup";

/// The left-hand side: mappings, the users, schema import/export and options.
#[component]
pub fn SetupPane() -> impl IntoView {
    let store = expect_context::<Store>();
    let rows = move || store.rows.with(Vec::len);
    let tab = store.setup_tab();
    let tabs = vec![
        (
            SetupTab::Mappings,
            Signal::derive(move || format!("Mappings ({})", rows())),
        ),
        (SetupTab::User, Signal::derive(|| "User".to_string())),
        (
            SetupTab::Before,
            Signal::derive(|| "Before (update)".to_string()),
        ),
        (
            SetupTab::Schema,
            Signal::derive(|| "Import / export".to_string()),
        ),
        (SetupTab::Options, Signal::derive(|| "Options".to_string())),
    ];
    view! {
        <section class="pane setup-pane" aria-labelledby="setup-title">
            <div class="pane-head">
                <h2 id="setup-title">"Your setup"</h2>
            </div>
            <TabList group=GROUP label="Setup" selected=tab tabs=tabs />
            <TabPanel group=GROUP id=SetupTab::Mappings selected=tab>
                <MappingsPanel />
            </TabPanel>
            <TabPanel group=GROUP id=SetupTab::User selected=tab>
                <UserPanel />
            </TabPanel>
            <TabPanel group=GROUP id=SetupTab::Before selected=tab>
                <BeforePanel />
            </TabPanel>
            <TabPanel group=GROUP id=SetupTab::Schema selected=tab>
                <SchemaPanel />
            </TabPanel>
            <TabPanel group=GROUP id=SetupTab::Options selected=tab>
                <OptionsPanel />
            </TabPanel>
        </section>
    }
}
