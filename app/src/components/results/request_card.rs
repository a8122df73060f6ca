use crate::components::common::CopyButtons;
use leptos::prelude::*;
use playground_model::view::analysis::RequestView;

/// One HTTP request: method, path, why, and the body with copy and download.
#[component]
pub fn RequestCard(request: RequestView, #[prop(into)] file_stem: String) -> impl IntoView {
    let RequestView {
        method,
        path,
        purpose,
        body,
        text,
    } = request;
    let what = format!("the {method} request");
    let filename = format!(
        "{file_stem}.{}",
        if body.is_some() { "json" } else { "txt" }
    );
    let copy_text = body.clone().unwrap_or(text);
    view! {
        <article class="request" data-method=method.clone() data-testid="request">
            <header class="request-head">
                <span class=format!("method method-{}", method.to_ascii_lowercase())>{method.clone()}</span>
                <code class="request-path">{path}</code>
                <CopyButtons text=copy_text what=what filename=filename />
            </header>
            <p class="request-purpose">{purpose}</p>
            {body.map(|b| view! { <pre class="json-output" data-testid="request-body"><code>{b}</code></pre> })}
        </article>
    }
}
