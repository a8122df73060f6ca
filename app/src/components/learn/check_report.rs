use leptos::prelude::*;
use mapping_core::learn::CheckReport;

/// The core's check of the learner's setup: each condition passed or not, with the line per
/// user or fact that decided it.
#[component]
pub fn CheckReportView(
    #[prop(into)] report: Signal<Option<Result<CheckReport, String>>>,
) -> impl IntoView {
    let solved = move || report.with(|r| matches!(r, Some(Ok(r)) if r.solved));
    view! {
        <section class="lesson-check" data-testid="lesson-check" data-solved=move || solved().to_string() aria-live="polite">
            <h3>{move || if solved() { "Solved ✓" } else { "Check: not solved yet" }}</h3>
            {move || report.with(|r| match r {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="error-text" data-testid="lesson-options-error">{e.clone()}</p> }.into_any(),
                Some(Ok(r)) => view! {
                    <ul class="conditions">
                        {r.conditions
                            .iter()
                            .map(|c| view! {
                                <li class="condition" class:passed=c.passed data-testid="condition" data-passed=c.passed.to_string()>
                                    <span class="mark" aria-hidden="true">{if c.passed { "✓" } else { "✗" }}</span>
                                    <span class="sr-only">{if c.passed { "Passed: " } else { "Not yet: " }}</span>
                                    {c.says.clone()}
                                    <ul class="details">
                                        {c.details
                                            .iter()
                                            .map(|d| view! { <li class:passed=d.passed>{d.text.clone()}</li> })
                                            .collect_view()}
                                    </ul>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            })}
        </section>
    }
}
