use crate::components::settings::{RegionPicker, ShareButton};
use leptos::prelude::*;

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
            <RegionPicker />
            <ShareButton />
        </header>
    }
}
