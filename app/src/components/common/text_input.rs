//! A one-line text input bound to a string signal: what the user types is written back on every
//! input event, and the field shows the signal's value.

use crate::dom::refuse_long_paste;
use crate::state::{NoticeLevel, Store};
use leptos::prelude::*;
use mapping_core::expr::MAX_LENGTH;

/// Refuses a paste longer than any mapping field needs (Entra's expression limit), with a notice.
pub fn refuse_paste_into_field(ev: &web_sys::ClipboardEvent) {
    if let Some(n) = refuse_long_paste(ev, MAX_LENGTH) {
        if let Some(store) = use_context::<Store>() {
            store.notify(
                NoticeLevel::Error,
                format!("Not pasted: the clipboard holds {n} characters, and a mapping field takes at most {MAX_LENGTH}."),
            );
        }
    }
}

#[component]
pub fn TextInput(
    id: String,
    class: &'static str,
    value: RwSignal<String>,
    placeholder: &'static str,
    /// The accessible name (it may follow the row number).
    #[prop(into)]
    label: Signal<String>,
    /// A `<datalist>` id to suggest values from.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(optional)] title: Option<&'static str>,
) -> impl IntoView {
    view! {
        <input
            id=id
            class=class
            list=list
            title=title
            spellcheck="false"
            autocomplete="off"
            placeholder=placeholder
            aria-label=label
            prop:value=move || value.get()
            on:input:target=move |ev| value.set(ev.target().value())
            on:paste=move |ev| refuse_paste_into_field(&ev)
        />
    }
}
