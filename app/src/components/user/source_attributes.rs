use crate::derived::Derived;
use leptos::prelude::*;

/// The provisioning source attributes the user yields: Graph name → Entra name → value, plus
/// the manager, the groups and what Entra ignores.
#[component]
pub fn SourceAttributes() -> impl IntoView {
    let derived = expect_context::<Derived>();
    let source = Memo::new(move |_| derived.analysis.with(|a| a.source.clone()));
    let user_error = Memo::new(move |_| derived.analysis.with(|a| a.user_error.clone()));
    view! {
        <section class="source-attributes" aria-labelledby="source-attributes-title">
            <h3 id="source-attributes-title">"What Entra's provisioning engine reads"</h3>
            {move || user_error.get().map(|e| view! { <p class="diagnostic error">{e}</p> })}
            {move || {
                let s = source.get();
                let kind = if s.from_graph {
                    "Read as a Microsoft Graph user: Graph names are translated to provisioning source attributes."
                } else {
                    "Read as flat source attributes (no Graph-only property such as businessPhones or accountEnabled)."
                };
                let more = (s.total > s.rows.len())
                    .then(|| format!("Showing {} of {} attributes.", s.rows.len(), s.total));
                view! {
                    <p class="hint">{kind} " " {more}</p>
                    <table class="attributes" data-testid="source-attributes">
                        <thead>
                            <tr>
                                <th scope="col">"Graph property"</th>
                                <th scope="col">"Source attribute in Entra"</th>
                                <th scope="col">"Value"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {s
                                .rows
                                .into_iter()
                                .map(|r| {
                                    let renamed = r.graph.as_ref().is_some_and(|g| *g != r.entra);
                                    view! {
                                        <tr class:renamed=renamed>
                                            <td class="code">{r.graph.unwrap_or_default()}</td>
                                            <td class="code">
                                                {r.entra}
                                                {r.note.map(|n| view! { <span class="note">{n}</span> })}
                                            </td>
                                            <td class="code value">{r.value}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <dl class="facts">
                        <dt>"Manager"</dt>
                        <dd>{s.manager.unwrap_or_else(|| "none (add $expand=manager)".into())}</dd>
                        <dt>"Groups"</dt>
                        <dd>
                            {if s.groups.is_empty() { "none (add memberOf)".to_string() } else { s.groups.join(", ") }}
                        </dd>
                        <dt>"Ignored"</dt>
                        <dd>
                            {if s.ignored.is_empty() { "nothing".to_string() } else { s.ignored.join(", ") }}
                        </dd>
                    </dl>
                }
            }}
        </section>
    }
}
