use super::ExcerptView;
use crate::report::Report;
use leptos::prelude::*;

/// Errors and warnings about the expression, each with its position and the span marked.
#[component]
pub fn DiagnosticsView(report: Memo<Report>) -> impl IntoView {
    let diagnostics = move || report.with(|r| r.diagnostics.clone());
    view! {
        <div id="diagnostics" data-testid="diagnostics" class="diagnostics" role="status">
            {move || {
                diagnostics()
                    .into_iter()
                    .map(|d| {
                        let severity = if d.is_error { "error" } else { "warning" };
                        view! {
                            <div class=format!("diagnostic {severity}") data-stage=d.stage>
                                <p class="message">
                                    <span class="severity">{severity}</span>
                                    " "
                                    <span class="position">{format!("{}:{}", d.line, d.column)}</span>
                                    " "
                                    {d.message}
                                </p>
                                <ExcerptView excerpt=d.excerpt />
                                {d.help.map(|h| view! { <p class="help">"help: " {h}</p> })}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
