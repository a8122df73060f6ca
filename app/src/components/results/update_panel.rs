use super::RequestCard;
use crate::derived::Derived;
use crate::state::{SetupTab, Store};
use leptos::prelude::*;

/// The PATCH Entra sends when the user changes from the "before" version to the current one.
#[component]
pub fn UpdatePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let update = Memo::new(move |_| derived.analysis.with(|a| a.update.clone()));
    let before_error = move || derived.before.with(|b| b.error.is_some());
    view! {
        <p class="hint">
            "From the user in the “Before” tab to the user in the “User” tab. Defaults and “only on create” rows do not apply to updates; an attribute that becomes empty is not cleared."
        </p>
        <Show when=before_error>
            <p class="diagnostic warning">
                "The “before” JSON has an error: showing the update from its last valid version. "
                <button type="button" class="link small" on:click=move |_| store.setup_tab().set(SetupTab::Before)>
                    "Open it"
                </button>
            </p>
        </Show>
        <div class="requests" data-testid="update-requests">
            {move || {
                let u = update.get();
                if let Some(e) = u.error {
                    return view! { <p class="diagnostic error">{e}</p> }.into_any();
                }
                if u.requests.is_empty() {
                    return view! {
                        <p class="hint" data-testid="no-update">
                            "Nothing changes for Genesys: Entra sends no request."
                        </p>
                    }
                        .into_any();
                }
                u.requests
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let stem = format!("update-{}-{}", i + 1, r.method.to_ascii_lowercase());
                        view! { <RequestCard request=r file_stem=stem /> }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
