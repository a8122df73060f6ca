use crate::components::common::CopyButtons;
use crate::derived::Derived;
use crate::state::{NoticeLevel, SetupTab, Store};
use leptos::html::Textarea;
use leptos::prelude::*;
use mapping_core::mapping::schema_json::{export_mappings, export_schema, import_text};
use wasm_bindgen::JsCast;

/// Import a Microsoft Graph synchronization schema (pasted or from a file) and export the
/// mappings as one, for `PUT …/synchronization/jobs/{id}/schema` or a review.
#[component]
pub fn SchemaPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let paste = NodeRef::<Textarea>::new();
    let result = RwSignal::new(None::<Result<Vec<String>, String>>);

    let import = move |text: String| {
        match import_text(&text) {
            Ok(outcome) => {
                let n = outcome.set.mappings.len();
                store.set_mappings(outcome.set);
                let mut lines = vec![format!("Imported {n} mappings.")];
                lines.extend(outcome.warnings);
                result.set(Some(Ok(lines)));
                store.notify(
                    NoticeLevel::Info,
                    format!("Imported {n} mappings from the schema."),
                );
            }
            Err(e) => result.set(Some(Err(e.to_string()))),
        };
    };
    let import_pasted = move |_| {
        if let Some(el) = paste.get_untracked() {
            import(el.value());
        }
    };
    let import_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file = gloo_file::File::from(file);
        leptos::task::spawn_local(async move {
            match gloo_file::futures::read_as_text(&file).await {
                Ok(text) => import(text),
                Err(_) => result.set(Some(Err("the file could not be read".into()))),
            }
        });
    };
    let preview_open = RwSignal::new(false);
    let schema = Memo::new(move |_| {
        derived
            .set
            .with(|s| serde_json::to_string_pretty(&export_schema(s)).unwrap_or_default())
    });
    let mappings = Memo::new(move |_| {
        derived
            .set
            .with(|s| serde_json::to_string_pretty(&export_mappings(s)).unwrap_or_default())
    });

    view! {
        <h3>"Import"</h3>
        <p class="hint">
            "A whole synchronization schema (Graph Explorer: "
            <code>"GET /servicePrincipals/{id}/synchronization/jobs/{jobId}/schema"</code>
            ", or the provisioning blade's “Review your schema here”), one objectMapping, or an attributeMappings array. The User → User mapping replaces the rows here."
        </p>
        <textarea
            id="schema-paste"
            class="code"
            rows="6"
            spellcheck="false"
            aria-label="Schema JSON to import"
            placeholder="Paste schema JSON here"
            node_ref=paste
        ></textarea>
        <div class="panel-toolbar">
            <button type="button" class="primary" data-testid="import-pasted" on:click=import_pasted>
                "Import pasted JSON"
            </button>
            <label class="file-button">
                "…or choose a file "
                <input type="file" accept=".json,application/json" data-testid="import-file" on:change=import_file />
            </label>
        </div>
        <div role="status" data-testid="import-result">
            {move || {
                result
                    .get()
                    .map(|r| match r {
                        Ok(lines) => {
                            view! {
                                <ul class="import-ok">
                                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="diagnostic error">"Not imported: " {e}</p> }.into_any(),
                    })
            }}
        </div>
        <h3>"Export"</h3>
        <div class="export-row">
            <span>"Whole schema (with the rows that are on)"</span>
            <CopyButtons
                text=Signal::derive(move || schema.get())
                what="the schema JSON"
                filename="synchronization-schema.json"
            />
        </div>
        <div class="export-row">
            <span>"attributeMappings only"</span>
            <CopyButtons
                text=Signal::derive(move || mappings.get())
                what="the attributeMappings JSON"
                filename="attribute-mappings.json"
            />
        </div>
        <details class="export-preview" on:toggle:target=move |ev| preview_open.set(ev.target().open())>
            <summary>"Show the exported schema"</summary>
            // Serialized only while it can be seen, not on every keystroke in another tab.
            {move || {
                (preview_open.get() && store.setup_tab().get() == SetupTab::Schema)
                    .then(|| {
                        view! {
                            <pre class="json-output" data-testid="schema-export">
                                <code>{move || schema.get()}</code>
                            </pre>
                        }
                    })
            }}
        </details>
    }
}
