use crate::report::Report;
use leptos::prelude::*;

/// The evaluation trace: every step with its value, in evaluation order, indented by depth. The
/// rows are one flat list (depth in `data-depth`), so a thousand-deep expression renders without a
/// thousand nested elements.
#[component]
pub fn TraceView(report: Memo<Report>) -> impl IntoView {
    let rows = move || report.with(|r| r.trace.clone());
    view! {
        <details class="trace" open>
            <summary>
                <h2>"How it was evaluated"</h2>
            </summary>
            <ul id="trace" data-testid="trace" aria-label="Evaluation trace">
                {move || {
                    rows()
                        .into_iter()
                        .map(|row| {
                                                        // Indentation grows up to a point, then stays (deep chains stay readable).
                            let indent = format!("{}", row.depth.min(24));
                            view! {
                                <li data-depth=row.depth.to_string() style:--depth=indent>
                                    <span class="label">{row.label}</span>
                                    <span class="arrow" aria-hidden="true">" → "</span>
                                    <span class="value">{row.value}</span>
                                    {row.note.map(|n| view! { <span class="note">{n}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || report.with(|r| r.trace.is_empty())>
                <p class="hint">"Nothing was evaluated."</p>
            </Show>
        </details>
    }
}
