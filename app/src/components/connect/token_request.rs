use super::copy_text::CopyText;
use leptos::prelude::*;
use mapping_core::connect::{self, TokenRequest};
use mapping_core::genesys::regions::Region;

/// The OAuth client's id and secret, and the token request built from them: `curl`, Postman
/// steps and the answer that means it worked. The fields are this component's own signals:
/// never saved, never in a share link.
#[component]
pub fn TokenRequestView(#[prop(into)] region: Signal<&'static Region>) -> impl IntoView {
    let client_id = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let show_secret = RwSignal::new(false);
    // Empty fields show as placeholders, so the command is complete from the start.
    let request = Memo::new(move |_| -> Result<TokenRequest, String> {
        let id = client_id.with(|v| {
            if v.is_empty() {
                "<client-id>".to_string()
            } else {
                v.clone()
            }
        });
        let secret = secret.with(|v| {
            if v.is_empty() {
                "<client-secret>".to_string()
            } else {
                v.clone()
            }
        });
        connect::token_request(region.get(), &id, &secret).map_err(|e| e.to_string())
    });
    let curl = Signal::derive(move || {
        request.with(|r| r.as_ref().map(|r| r.curl.clone()).unwrap_or_default())
    });
    view! {
        <div class="form-grid">
            <label for="client-id">"Client ID"</label>
            <input
                id="client-id"
                class="code"
                data-testid="client-id"
                spellcheck="false"
                autocomplete="off"
                placeholder="the OAuth client's id"
                prop:value=move || client_id.get()
                on:input:target=move |ev| client_id.set(ev.target().value())
            />
            <label for="client-secret">"Client secret"</label>
            <div class="secret-field">
                <input
                    id="client-secret"
                    class="code"
                    data-testid="client-secret"
                    type=move || if show_secret.get() { "text" } else { "password" }
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="stays in this page"
                    prop:value=move || secret.get()
                    on:input:target=move |ev| secret.set(ev.target().value())
                />
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="show-secret"
                        prop:checked=move || show_secret.get()
                        on:change:target=move |ev| show_secret.set(ev.target().checked())
                    />
                    "show"
                </label>
                <p class="hint">"Never saved, never put in a share link, never sent: it only fills in the command below, and is forgotten when you leave this view."</p>
            </div>
        </div>
        {move || request.with(|r| match r {
            Err(e) => view! { <p class="error-text" data-testid="token-error">{e.clone()}</p> }.into_any(),
            Ok(r) => view! {
                <h3>"With curl"</h3>
                <div class="code-block">
                    <pre class="code" data-testid="curl">{r.curl.clone()}</pre>
                    <CopyText text=curl what="the curl command" />
                </div>
                <h3>"With Postman"</h3>
                <ol class="steps" data-testid="postman">
                    {r.postman.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ol>
                <h3>"When it works"</h3>
                <pre class="code">{serde_json::to_string_pretty(&r.success_example).unwrap_or_default()}</pre>
            }
            .into_any(),
        })}
    }
}
