use crate::components::settings::{RegionPicker, ShareButton};
use leptos::prelude::*;
use playground_model::state::ui::{Choice, Mode};

/// Title, the privacy promise, the region and Tenant URL, and sharing.
#[component]
pub fn PageHeader() -> impl IntoView {
    view! {
        <header class="page-header">
            <div class="title">
                <h1>"Entra ID → Genesys Cloud provisioning playground"</h1>
                <p class="privacy" data-testid="privacy">
                    <span class="lock" aria-hidden="true">"●"</span>
                    " Private by design: everything runs in this page. Nothing you paste or type is sent anywhere — after loading, the page makes no network requests."
                </p>
            </div>
            <ModeNav />
            <RegionPicker />
            <ShareButton />
        </header>
    }
}

/// The page's views: the single-user playground (default) and the whole-directory check.
#[component]
fn ModeNav() -> impl IntoView {
    let mode = expect_context::<RwSignal<Mode>>();
    view! {
        <nav class="mode-nav" aria-label="View">
            {Mode::ALL
                .iter()
                .map(|&m| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("mode-{}", m.name())
                            aria-pressed=move || if mode.get() == m { "true" } else { "false" }
                            on:click=move |_| mode.set(m)
                        >
                            {m.label()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
