use super::ExcerptView;
use crate::report::{self, Report, ValueKind};
use leptos::prelude::*;

/// The headline: what Entra sends for this user, or why nothing is sent.
#[component]
pub fn ResultView(report: Memo<Report>) -> impl IntoView {
    let result = move || report.with(|r| r.result.clone());
    view! {
        <div class="result">
            <h2>"Result"</h2>
            <div
                id="result-value"
                data-testid="result-value"
                data-outcome=move || report.with(|r| r.result.name())
                class="result-value"
                aria-live="polite"
            >
                {move || match result() {
                    report::ResultView::Flows { text, kind } => {
                        match kind {
                            ValueKind::Text => view! { <output class="value">{text}</output> }.into_any(),
                            ValueKind::EmptyText => {
                                view! { <output class="value empty">"\"\" (empty text)"</output> }.into_any()
                            }
                            ValueKind::List => view! { <output class="value list">{text}</output> }.into_any(),
                        }
                    }
                    report::ResultView::Null => {
                        view! { <output class="none">"null — nothing flows"</output> }.into_any()
                    }
                    report::ResultView::Dropped => {
                        view! { <output class="none">"dropped from the flow"</output> }.into_any()
                    }
                    report::ResultView::ConditionCheckFails { .. } => {
                        view! {
                            <output class="none">"IIF condition check fails — expect nothing to flow"</output>
                        }
                            .into_any()
                    }
                    report::ResultView::NotEvaluated { reason } => {
                        view! { <output class="none">{reason}</output> }.into_any()
                    }
                }}
            </div>
            {move || match result() {
                report::ResultView::ConditionCheckFails { logical, failures } => {
                    Some(
                        view! {
                            <div class="condition-failures" data-testid="condition-failures">
                                {failures
                                    .into_iter()
                                    .map(|f| {
                                        view! {
                                            <div class="diagnostic warning">
                                                <p class="message">{f.message}</p>
                                                <ExcerptView excerpt=f.excerpt />
                                                {f
                                                    .rewrite
                                                    .map(|r| {
                                                        view! {
                                                            <p class="help">"Rewrite with Switch, which behaves as intended in Entra:"</p>
                                                            <pre class="rewrite">
                                                                <code>{r}</code>
                                                            </pre>
                                                        }
                                                    })}
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                                <p class="hint">
                                    "If the condition were evaluated normally the result would be "
                                    <code>{logical}</code>
                                    "."
                                </p>
                            </div>
                        },
                    )
                }
                _ => None,
            }}
        </div>
    }
}
