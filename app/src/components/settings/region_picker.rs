use crate::components::common::CopyButtons;
use crate::state::Store;
use leptos::prelude::*;
use mapping_core::genesys::regions::REGIONS;
use playground_model::view::analysis::tenant_url;

/// The Genesys Cloud region, and the Tenant URL to paste into Entra's provisioning page.
#[component]
pub fn RegionPicker() -> impl IntoView {
    let store = expect_context::<Store>();
    let url = Memo::new(move |_| store.settings.with(tenant_url));
    view! {
        <div class="region-picker">
            <label class="inline-field">
                <span>"Genesys Cloud region"</span>
                <select
                    id="region"
                    data-testid="region"
                    prop:value=move || store.settings.with(|s| s.region.clone())
                    on:change:target=move |ev| {
                        let host = ev.target().value();
                        store.settings.update(|s| s.region = host);
                    }
                >
                    <option value="">"Choose…"</option>
                    {REGIONS
                        .iter()
                        .map(|r| view! { <option value=r.api_host>{r.name}</option> })
                        .collect_view()}
                </select>
            </label>
            <div class="tenant-url">
                <span class="label">"Tenant URL"</span>
                <output data-testid="tenant-url" for="region">
                    {move || url.get().unwrap_or_else(|| "pick a region".into())}
                </output>
                <Show when=move || url.with(Option::is_some)>
                    <CopyButtons
                        text=Signal::derive(move || url.get().unwrap_or_default())
                        what="the Tenant URL"
                        filename="tenant-url.txt"
                        mime="text/plain"
                    />
                </Show>
            </div>
        </div>
    }
}
