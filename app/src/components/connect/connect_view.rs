use super::test_connection::TestConnection;
use super::token_request::TokenRequestView;
use crate::state::Store;
use leptos::prelude::*;
use mapping_core::genesys::regions::{self, Region, REGIONS};

/// The region chosen in the header, if any.
pub(super) fn chosen_region(store: Store) -> Memo<Option<&'static Region>> {
    Memo::new(move |_| {
        store.settings.with(|s| {
            (!s.region.is_empty())
                .then(|| regions::find(&s.region))
                .flatten()
        })
    })
}

/// The chosen region for views shown only when there is one (never panics while a view is on
/// its way out).
fn shown_region(region: Memo<Option<&'static Region>>) -> Signal<&'static Region> {
    Signal::derive(move || region.get().unwrap_or(&REGIONS[0]))
}

/// Connect mode: step 1, the token; step 2, Test Connection and how it fails.
#[component]
pub fn ConnectView() -> impl IntoView {
    let store = expect_context::<Store>();
    let region = chosen_region(store);
    view! {
        <div class="connect" data-testid="connect">
            <section class="pane connect-step">
                <h2>"1. Get the Secret Token"</h2>
                <p>"Entra authenticates to Genesys Cloud with an access token from an OAuth client of the Client Credentials type. Request one from your region's login host and paste the "<code>"access_token"</code>" into the Secret Token field of Entra's provisioning page. Nothing is sent from here: copy the command and run it yourself."</p>
                <Show
                    when=move || region.get().is_some()
                    fallback=|| view! { <p class="notice-inline" data-testid="connect-no-region">"Choose the Genesys Cloud region in the header first."</p> }
                >
                    <TokenRequestView region=shown_region(region) />
                </Show>
            </section>
            <section class="pane connect-step">
                <h2>"2. Test Connection"</h2>
                <Show
                    when=move || region.get().is_some()
                    fallback=|| view! { <p class="notice-inline">"Choose the Genesys Cloud region in the header first."</p> }
                >
                    <TestConnection region=shown_region(region) />
                </Show>
            </section>
        </div>
    }
}
