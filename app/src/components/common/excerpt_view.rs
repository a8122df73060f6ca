use leptos::prelude::*;
use playground_model::view::excerpt::Excerpt;

/// A piece of the input with the span in question marked, as text nodes (never parsed as HTML).
#[component]
pub fn ExcerptView(excerpt: Excerpt) -> impl IntoView {
    let Excerpt {
        before,
        marked,
        after,
    } = excerpt;
    let point = marked.is_empty();
    view! {
        <pre class="excerpt">
            <code>{before}<mark class:point=point>{marked}</mark>{after}</code>
        </pre>
    }
}
