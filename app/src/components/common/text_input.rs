//! A one-line text input bound to a string signal: what the user types is written back on every
//! input event, and the field shows the signal's value.

use leptos::prelude::*;

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
        />
    }
}
