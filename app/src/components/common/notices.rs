use crate::state::{NoticeLevel, Store};
use leptos::prelude::*;

/// Messages about the page itself (a link that could not be opened, storage that is full),
/// each dismissible.
#[component]
pub fn Notices() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <div class="notices" data-testid="notices" role="status" aria-live="polite">
            <For
                each=move || store.notices.get().list
                key=|n| n.id
                children=move |n| {
                    let id = n.id;
                    view! {
                        <div class="notice" class:error=n.level == NoticeLevel::Error data-testid="notice">
                            <p>{n.text}</p>
                            <button
                                type="button"
                                class="small"
                                aria-label="Dismiss this notice"
                                on:click=move |_| store.dismiss(id)
                            >
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
