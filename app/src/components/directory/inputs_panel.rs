//! What a run reads and how: the users files (picked or dropped), the Genesys export, a schema
//! with scoping filters, the scope setting; Run, Cancel, the progress, the error, the exports.

use super::client::{Client, RunFiles};
use super::state::{DirectoryState, Status};
use crate::state::Store;
use leptos::prelude::*;
use playground_model::directory::progress;
use playground_model::directory::protocol::{ExportKind, RunOptions, ToWorker};
use wasm_bindgen::JsCast;
use web_sys::{File, FileList, HtmlInputElement};

fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

fn picked(ev: &leptos::ev::Event) -> Vec<File> {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|input| list(input.files()))
        .unwrap_or_default()
}

fn names(files: &[File]) -> String {
    files
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names in a comma- or line-separated list.
fn split_list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[component]
pub fn InputsPanel(state: DirectoryState, client: Client) -> impl IntoView {
    let store = expect_context::<Store>();
    let files = StoredValue::new_local(RunFiles::default());
    let users_names = RwSignal::new(String::new());
    let existing_names = RwSignal::new(String::new());
    let schema_name = RwSignal::new(String::new());
    let sync_all = RwSignal::new(false);
    let assigned = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    let set_users = move |picked: Vec<File>| {
        users_names.set(names(&picked));
        files.update_value(|f| f.users = picked);
    };
    let run = move |_| {
        let settings = store.settings.get_untracked();
        let options = RunOptions {
            mappings: store.mapping_set(),
            sync_all: sync_all.get_untracked(),
            assigned_groups: split_list(&assigned.get_untracked()),
            region: settings.phone_region,
            genesys_groups: settings.genesys_groups,
            dialect: settings.dialect,
        };
        let message = ToWorker::Run {
            options: Box::new(options),
        };
        client.run(message, files.get_value());
    };
    let busy = move || state.status.with(Status::is_busy);
    let no_users = move || users_names.with(String::is_empty);
    let export = move |kind: ExportKind| {
        state.exporting.set(Some(kind));
        client.ask(&ToWorker::Export { kind });
    };

    view! {
        <section class="dir-inputs" aria-label="Files and options">
            <div
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                data-testid="dir-drop"
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    let dropped = list(ev.data_transfer().and_then(|d| d.files()));
                    if !dropped.is_empty() {
                        set_users(dropped);
                    }
                }
            >
                <label>
                    <span class="field-label">"Users: Graph export, JSON array, NDJSON or \"Download users\" CSV — pick or drop one or more files"</span>
                    <input
                        type="file"
                        multiple
                        data-testid="dir-users"
                        accept=".json,.ndjson,.jsonl,.csv,.txt"
                        on:change=move |ev| set_users(picked(&ev))
                    />
                </label>
                <p class="muted small" data-testid="dir-users-names">{move || users_names.get()}</p>
            </div>
            <div class="dir-options">
                <label>
                    <span class="field-label">"What Genesys already holds (optional): SCIM GET /Users pages"</span>
                    <input
                        type="file"
                        multiple
                        data-testid="dir-existing"
                        accept=".json"
                        on:change=move |ev| {
                            let p = picked(&ev);
                            existing_names.set(names(&p));
                            files.update_value(|f| f.existing = p);
                        }
                    />
                </label>
                <label>
                    <span class="field-label">"Schema with scoping filters (optional)"</span>
                    <input
                        type="file"
                        data-testid="dir-schema"
                        accept=".json"
                        on:change=move |ev| {
                            let p = picked(&ev).into_iter().next();
                            schema_name.set(p.as_ref().map(File::name).unwrap_or_default());
                            files.update_value(|f| f.schema = p);
                        }
                    />
                </label>
                <label>
                    <span class="field-label">"Scope"</span>
                    <select
                        data-testid="dir-scope"
                        on:change=move |ev| sync_all.set(event_target_value(&ev) == "all")
                    >
                        <option value="assigned" selected>"Sync only assigned users and groups"</option>
                        <option value="all">"Sync all users and groups"</option>
                    </select>
                </label>
                <label>
                    <span class="field-label">"Assigned groups (names or ids, comma-separated; empty = everyone assigned)"</span>
                    <input
                        type="text"
                        data-testid="dir-assigned"
                        prop:value=move || assigned.get()
                        on:input=move |ev| assigned.set(event_target_value(&ev))
                    />
                </label>
                <p class="muted small">
                    "Uses the playground's mappings, phone region, Genesys groups and PATCH dialect."
                </p>
            </div>
            <div class="dir-actions">
                <button
                    type="button"
                    class="primary"
                    data-testid="dir-run"
                    disabled=move || busy() || no_users()
                    on:click=run
                >
                    "Run the check"
                </button>
                <Show when=busy>
                    <button type="button" data-testid="dir-cancel" on:click=move |_| client.cancel()>
                        "Cancel"
                    </button>
                </Show>
                <Show when=move || state.result.with(Option::is_some) && !busy()>
                    <span class="dir-export">
                        "Export: "
                        {ExportKind::ALL
                            .into_iter()
                            .map(|kind| {
                                view! {
                                    <button
                                        type="button"
                                        data-testid=format!("dir-export-{}", kind.label().to_lowercase())
                                        disabled=move || state.exporting.get().is_some()
                                        on:click=move |_| export(kind)
                                    >
                                        {kind.label()}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </span>
                </Show>
            </div>
            <div class="dir-status" role="status" data-testid="dir-status">
                {move || match state.status.get() {
                    Status::Idle => None,
                    Status::Starting => Some(view! { <span>"Starting the worker…"</span> }.into_any()),
                    Status::Running(p) => Some(
                        view! {
                            <progress max="1" value=progress::fraction(&p)></progress>
                            <span>{progress::text(&p)}</span>
                        }
                            .into_any(),
                    ),
                    Status::Cancelled => Some(
                        view! { <span data-testid="dir-cancelled">"Cancelled; the last result is kept."</span> }
                            .into_any(),
                    ),
                }}
            </div>
            {move || {
                state
                    .error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="dir-error" role="alert" data-testid="dir-error">
                                {e}
                                {move || {
                                    state
                                        .result
                                        .with(Option::is_some)
                                        .then_some(" — the last result is kept.")
                                }}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
