use crate::components::settings::{RegionPicker, ShareButton};
use crate::state::{Mode, Store};
use leptos::prelude::*;
use playground_model::state::ui::Choice;

/// Title, the privacy promise, the mode switch, the region and Tenant URL, and sharing.
#[component]
pub fn PageHeader() -> impl IntoView {
    let store = expect_context::<Store>();
    let mode = Memo::new(move |_| store.mode().get());
    view! {
        <header class="page-header">
            <div class="title">
                <h1>"Entra ID → Genesys Cloud provisioning playground"</h1>
                <p class="privacy" data-testid="privacy">
                    <span class="lock" aria-hidden="true">"●"</span>
                    " Private by design: everything runs in this page. Nothing you paste or type is sent anywhere — after loading, the page makes no network requests."
                </p>
            </div>
            <nav class="mode-switch" aria-label="Mode">
                {Mode::ALL
                    .iter()
                    .map(|&m| view! {
                        <button
                            type="button"
                            data-testid=format!("mode-{}", m.name())
                            aria-pressed=move || (mode.get() == m).to_string()
                            on:click=move |_| store.mode().set(m)
                        >
                            {m.label()}
                        </button>
                    })
                    .collect_view()}
            </nav>
            <RegionPicker />
            <ShareButton />
        </header>
    }
}
