use super::{JsonEditor, SourceAttributes};
use crate::derived::Derived;
use crate::state::samples::{by_id, SAMPLES};
use crate::state::Store;
use leptos::prelude::*;

/// The user being provisioned: samples, the JSON box, and what Entra reads from it.
#[component]
pub fn UserPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    view! {
        <div class="panel-toolbar">
            <label for="sample-user" class="toolbar-label">"Sample user"</label>
            <select
                id="sample-user"
                on:change:target=move |ev| {
                    if let Some(s) = by_id(&ev.target().value()) {
                        store.user.load(s.json.to_string());
                    }
                    ev.target().set_value("");
                }
            >
                <option value="">"Load a sample…"</option>
                {SAMPLES
                    .iter()
                    .map(|s| view! { <option value=s.id>{s.label}</option> })
                    .collect_view()}
            </select>
        </div>
        <p class="hint">
            "Paste a Microsoft Graph user ("
            <code>"GET /users/{id}?$expand=manager"</code>
            ", add "
            <code>"memberOf"</code>
            " for groups) or flat source attributes. It never leaves this page."
        </p>
        <JsonEditor id="user-json" label="User (Microsoft Graph JSON)" doc=store.user parsed=derived.user />
        <SourceAttributes />
    }
}
