use crate::state::{choice_from, persist, AppState, NoticeLevel, Store};
use leptos::prelude::*;
use playground_model::state::settings_text::{lines, pairs};
use playground_model::state::ui::Choice;

/// Options of the preview: phone region, the tenant's default domain, the Genesys groups, users already provisioned, theme,
/// and starting over.
#[component]
pub fn OptionsPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    // Set from the state when it is replaced, not while typing (blank lines stay as typed).
    let groups_text = move || {
        store.loads.track();
        store
            .settings
            .with_untracked(|s| s.genesys_groups.join("\n"))
    };
    let provisioned_text = move || {
        store.loads.track();
        store.settings.with_untracked(|s| {
            s.provisioned
                .iter()
                .map(|(a, b)| format!("{a}={b}"))
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    let reset = move |_| {
        persist::clear_saved();
        store.load(AppState::default());
        store.notify(NoticeLevel::Info, "Started over with the defaults.");
    };
    view! {
        <div class="form-grid">
            <label for="phone-region">"Default phone region"</label>
            <div>
                <input
                    id="phone-region"
                    class="code short"
                    maxlength="2"
                    prop:value=move || store.settings.with(|s| s.phone_region.clone())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        store.settings.update(|s| s.phone_region = v);
                    }
                />
                <p class="hint">"Two letters (US, GB, DE…): the country of numbers written without +country code."</p>
            </div>
            <label for="default-domain">"Tenant's default domain"</label>
            <div>
                <input
                    id="default-domain"
                    class="code"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="contoso.com"
                    prop:value=move || store.settings.with(|s| s.default_domain.clone())
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        store.settings.update(|s| s.default_domain = v);
                    }
                />
                <p class="hint">"What DefaultDomain() returns: the tenant's default verified domain. Empty: the function fails, as the preview cannot know it."</p>
            </div>
            <label for="genesys-groups">"Groups in Genesys Cloud"</label>
            <div>
                <textarea
                    id="genesys-groups"
                    class="code"
                    rows="4"
                    prop:value=groups_text
                    on:input:target=move |ev| {
                        let v = lines(&ev.target().value());
                        store.settings.update(|s| s.genesys_groups = v);
                    }
                ></textarea>
                <p class="hint">"One name per line. Entra adds the user to Genesys groups whose name matches an Entra group (ignoring case); it never creates groups."</p>
            </div>
            <label for="provisioned">"Users already in Genesys"</label>
            <div>
                <textarea
                    id="provisioned"
                    class="code"
                    rows="3"
                    placeholder="entra-object-id=genesys-user-id"
                    prop:value=provisioned_text
                    on:input:target=move |ev| {
                        let v = pairs(&ev.target().value());
                        store.settings.update(|s| s.provisioned = v);
                    }
                ></textarea>
                <p class="hint">"entraObjectId=genesysUserId per line: resolves the manager reference."</p>
            </div>
            <label for="theme">"Theme"</label>
            <div>
                <select
                    id="theme"
                    prop:value=move || store.theme().get().name()
                    on:change:target=move |ev| {
                        let theme = store.theme();
                        theme.set(choice_from(&ev.target().value(), theme.get_untracked()));
                    }
                >
                    <option value="auto">"Follow the system"</option>
                    <option value="light">"Light"</option>
                    <option value="dark">"Dark"</option>
                </select>
            </div>
            <span class="label">"Start over"</span>
            <div>
                <button type="button" class="danger" on:click=reset>
                    "Reset everything to the defaults"
                </button>
                <p class="hint">"Forgets the setup saved in this browser."</p>
            </div>
        </div>
    }
}
