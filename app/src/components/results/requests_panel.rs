use super::RequestCard;
use crate::derived::Derived;
use crate::state::Store;
use leptos::prelude::*;
use mapping_core::graph::Lifecycle;

fn lifecycle_label(l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::Assigned => "Assigned",
        Lifecycle::Disabled => "Disabled",
        Lifecycle::Unassigned => "Unassigned",
        Lifecycle::SoftDeleted => "Soft-deleted",
        Lifecycle::HardDeleted => "Hard-deleted",
    }
}

/// The lifecycle selector and the requests Entra sends for the user in that state.
#[component]
pub fn RequestsPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let requests = Memo::new(move |_| derived.analysis.with(|a| a.requests.clone()));
    let note = Memo::new(move |_| derived.analysis.with(|a| a.lifecycle_note.clone()));
    let state = move || store.settings.with(|s| s.lifecycle);
    view! {
        <fieldset class="segmented" data-testid="lifecycle">
            <legend>"The user in Entra is"</legend>
            {Lifecycle::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <label class="segment" class:checked=move || state() == l>
                            <input
                                type="radio"
                                name="lifecycle"
                                value=l.as_str()
                                prop:checked=move || state() == l
                                on:change=move |_| store.settings.update(|s| s.lifecycle = l)
                            />
                            {lifecycle_label(l)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <p class="lifecycle-note" data-testid="lifecycle-note">{move || note.get()}</p>
        <div class="requests" data-testid="requests" aria-live="polite">
            {move || {
                let list = requests.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No request: the user could not be read."</p> }.into_any();
                }
                list.into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let stem = format!("{}-{}", i + 1, r.method.to_ascii_lowercase());
                        view! { <RequestCard request=r file_stem=stem /> }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
