use crate::dom;
use leptos::prelude::*;
use std::time::Duration;

/// "Copy" and "Download" for one output. `what` names it for screen readers ("the POST body").
#[component]
pub fn CopyButtons(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] what: String,
    #[prop(into)] filename: Signal<String>,
    #[prop(default = "application/json")] mime: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let flash = move |message: &str| {
        status.set(message.to_string());
        set_timeout(
            move || status.set(String::new()),
            Duration::from_millis(2000),
        );
    };
    let copy = move |_| {
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = dom::copy(value).await;
            flash(if ok {
                "Copied"
            } else {
                "Copy failed: the browser refused the clipboard"
            });
        });
    };
    let download = move |_| {
        let name = filename.get_untracked();
        match dom::download(&name, mime, &text.get_untracked()) {
            Ok(()) => flash("Downloaded"),
            Err(_) => flash("Download failed"),
        }
    };
    let copy_label = format!("Copy {what}");
    let download_label = format!("Download {what}");
    view! {
        <span class="copy-buttons">
            <button type="button" class="small" aria-label=copy_label on:click=copy>
                "Copy"
            </button>
            <button type="button" class="small" aria-label=download_label on:click=download>
                "Download"
            </button>
            <span class="copy-status" role="status" aria-live="polite">
                {move || status.get()}
            </span>
        </span>
    }
}
