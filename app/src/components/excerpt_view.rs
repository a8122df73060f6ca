use crate::report::Excerpt;
use leptos::prelude::*;

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
        <pre class="excerpt" data-testid="excerpt">
            <code>
                {before}
                <mark class:point=point>{marked}</mark>
                {after}
            </code>
        </pre>
    }
}
