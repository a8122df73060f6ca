use crate::dom;
use crate::state::{codec, persist, Store};
use leptos::prelude::*;

/// "Share": puts the whole setup, compressed, into the address's fragment (which browsers never
/// send to a server) and copies the link.
#[component]
pub fn ShareButton() -> impl IntoView {
    let store = expect_context::<Store>();
    let link = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let share = move |_| {
        let state = codec::for_sharing(&store.snapshot(), store.share_users().get_untracked());
        let url = persist::share_link(&state);
        link.set(url.clone());
        let kb = url.len().div_ceil(1024);
        leptos::task::spawn_local(async move {
            let copied = dom::copy(url).await;
            status.set(if copied {
                format!("Link copied ({kb} KB). Anyone who opens it sees this setup.")
            } else {
                format!("Link ready ({kb} KB): copy it from the box.")
            });
        });
    };
    view! {
        <div class="share">
            <button type="button" class="primary" data-testid="share" on:click=share>
                "Share link"
            </button>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || store.share_users().get()
                    on:change:target=move |ev| store.share_users().set(ev.target().checked())
                />
                "include the users"
            </label>
            <Show when=move || !link.with(String::is_empty)>
                <input
                    class="share-link code"
                    readonly
                    data-testid="share-link"
                    aria-label="Share link"
                    prop:value=move || link.get()
                    on:focus:target=move |ev| ev.target().select()
                />
            </Show>
            <span class="copy-status" role="status">{move || status.get()}</span>
        </div>
    }
}
