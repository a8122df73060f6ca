use super::MappingRow;
use crate::derived::Derived;
use crate::dom;
use crate::state::{NoticeLevel, Store};
use leptos::prelude::*;
use mapping_core::genesys::targets::suggested_paths;
use mapping_core::mapping::presets;

/// The mapping table with its presets and the "add" button.
#[component]
pub fn MappingsPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let load_preset = move |name: &str| {
        if let Some(set) = presets::by_name(name) {
            store.set_mappings(set);
            let label = if name == "genesys-teams" {
                "Genesys default + Microsoft Teams"
            } else {
                "Genesys default"
            };
            store.notify(
                NoticeLevel::Info,
                format!("Loaded the \"{label}\" mappings (the previous rows were replaced)."),
            );
        }
    };
    let add = move |_| {
        let id = store.add_row();
        dom::after_render(move || dom::focus_field(&format!("m{id}-target"), None));
    };
    let count = move || store.rows.with(Vec::len);

    view! {
        <div class="panel-toolbar">
            <span class="toolbar-label">"Start from:"</span>
            <button type="button" on:click=move |_| load_preset("genesys-default")>
                "Genesys default"
            </button>
            <button type="button" on:click=move |_| load_preset("genesys-teams")>
                "Genesys + Microsoft Teams"
            </button>
            <span class="toolbar-note">{move || format!("{} mappings", count())}</span>
        </div>
        <datalist id="genesys-targets">
            {suggested_paths().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
        </datalist>
        <datalist id="source-attributes">
            {move || {
                derived
                    .attribute_names
                    .get()
                    .iter()
                    .map(|n| view! { <option value=n.clone()></option> })
                    .collect_view()
            }}
        </datalist>
        <div class="mapping-head" aria-hidden="true">
            <span>"On"</span>
            <span>"Target in Genesys · source · default if null"</span>
            <span>"Mapping type"</span>
            <span>"Order"</span>
        </div>
        <ol class="mapping-list" data-testid="mapping-list" aria-label="Attribute mappings">
            <ForEnumerate
                each=move || store.rows.get()
                key=|row| row.id
                children=move |index, row| view! { <MappingRow index=index row=row /> }
            />
        </ol>
        <div class="panel-toolbar">
            <button type="button" class="primary" id="add-row-button" data-testid="add-row" on:click=add>
                "+ Add mapping"
            </button>
            <span class="hint">
                "Rows apply in order. Matching precedence 1 is the attribute Entra looks users up by."
            </span>
        </div>
    }
}
