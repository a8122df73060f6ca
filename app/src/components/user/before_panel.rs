use super::JsonEditor;
use crate::derived::Derived;
use crate::state::Store;
use leptos::prelude::*;

/// The user as it was before a change: the update preview is the PATCH from this to the user.
#[component]
pub fn BeforePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    view! {
        <div class="panel-toolbar">
            <button
                type="button"
                on:click=move |_| store.before.load(store.user.text.get_untracked())
            >
                "Copy the current user here"
            </button>
            <span class="hint">"then change something to see the PATCH Entra sends."</span>
        </div>
        <JsonEditor id="before-json" label="User before the change (Microsoft Graph JSON)" doc=store.before parsed=derived.before />
    }
}
