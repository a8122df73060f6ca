use crate::dom;
use leptos::prelude::*;
use std::time::Duration;

/// "Copy" only (no download: a command with a secret in it should not land in a file by a
/// stray click). `what` names it for screen readers.
#[component]
pub fn CopyText(#[prop(into)] text: Signal<String>, what: &'static str) -> impl IntoView {
    let status = RwSignal::new("");
    let copy = move |_| {
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(if dom::copy(value).await {
                "Copied"
            } else {
                "Copy failed"
            });
            set_timeout(move || status.set(""), Duration::from_millis(2000));
        });
    };
    view! {
        <span class="copy-buttons">
            <button type="button" class="small" aria-label=format!("Copy {what}") on:click=copy>"Copy"</button>
            <span class="copy-status" role="status" aria-live="polite">{move || status.get()}</span>
        </span>
    }
}
