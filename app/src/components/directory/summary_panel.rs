//! The last result at a glance: ready or not, the outcomes and top findings as charts, the
//! quarantine risk, the phone formats Genesys rejects, the missing groups, unreadable records.

use super::chart::BarChart;
use super::state::{DirectoryState, Result};
use leptos::prelude::*;
use playground_model::directory::progress::{self, thousands};
use playground_model::directory::summary::OUTCOMES;
use playground_model::directory::table::Query;

fn outcome_tone(label: &str) -> &'static str {
    match label {
        "create" => "tone-create",
        "update" => "tone-update",
        "unchanged" => "tone-unchanged",
        "out of scope" => "tone-out",
        "fail" => "tone-fail",
        _ => "",
    }
}

#[component]
pub fn SummaryPanel(state: DirectoryState) -> impl IntoView {
    move || {
        state
            .result
            .get()
            .map(|result| view! { <SummaryBody state result /> })
    }
}

#[component]
fn SummaryBody(state: DirectoryState, result: Result) -> impl IntoView {
    let s = result.summary.clone();
    let ready = s.ready();
    let pick_outcome = Callback::new(move |label: String| {
        let key = OUTCOMES
            .iter()
            .find(|(_, l)| *l == label)
            .map(|(k, _)| k.to_string());
        state.query.update(|q| q.outcome = key);
    });
    let pick_code = Callback::new(move |code: String| {
        state.query.set(Query {
            code: Some(code),
            ..state.query.get_untracked()
        });
    });
    let q = &s.quarantine;
    let phones = s.rejected_phone_formats.clone();
    let groups = s.missing_groups.clone();
    let errors = result.read_errors.clone();
    view! {
        <section class="dir-summary" data-testid="dir-summary" aria-label="Summary">
            <p class=if ready { "verdict ready" } else { "verdict not-ready" } data-testid="dir-verdict">
                <strong>{if ready { "Ready" } else { "Not ready" }}</strong>
                " — "
                <span data-testid="dir-last-line">{s.last_line()}</span>
                <span class="muted">{progress::timing(result.millis, result.workers)}</span>
            </p>
            <div class="dir-charts">
                <BarChart
                    title="Outcomes (click to filter)"
                    values=s.outcome_values()
                    tone=outcome_tone
                    on_pick=pick_outcome
                />
                <BarChart
                    title="Top findings: users with each code (click to filter)"
                    values=s.top_findings(8)
                    on_pick=pick_code
                />
            </div>
            <div class="dir-facts">
                <div class=if q.at_risk { "fact risk" } else { "fact" } data-testid="dir-quarantine">
                    <h3>"Quarantine risk"</h3>
                    <p>{q.verdict.clone()}</p>
                    <p class="muted small">{q.rule.clone()}</p>
                </div>
                <div class="fact">
                    <h3>"Also"</h3>
                    <ul>
                        <li>{format!("{} users with errors, {} with warnings", thousands(s.users_with_errors), thousands(s.users_with_warnings))}</li>
                        <li>{format!("{} duplicate matching values", thousands(s.duplicate_matching_value_count))}</li>
                        <li>{format!("{} managers neither in scope nor in Genesys", thousands(s.managers_missing))}</li>
                        <li>{format!("{} records could not be read", thousands(s.read_errors))}</li>
                    </ul>
                </div>
            </div>
            {(!phones.is_empty()).then(|| view! {
                <details class="dir-detail" open>
                    <summary>{format!("Phone formats Genesys rejects ({} shapes)", phones.len())}</summary>
                    <table class="dir-small-table" data-testid="dir-phones">
                        <thead><tr><th>"shape"</th><th>"users"</th><th>"example"</th><th>"suggested expression"</th></tr></thead>
                        <tbody>
                            {phones.into_iter().take(10).map(|p| view! {
                                <tr>
                                    <td><code>{p.shape}</code></td>
                                    <td>{thousands(p.count)}</td>
                                    <td>{format!("{} ({})", p.example_value, p.example_user)}</td>
                                    <td><code>{p.suggested_expression.unwrap_or_default()}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            })}
            {(!groups.is_empty()).then(|| view! {
                <details class="dir-detail">
                    <summary>{format!("Groups Genesys does not have ({})", groups.len())}</summary>
                    <ul>
                        {groups.into_iter().map(|g| view! {
                            <li>{format!("{}: {} members (e.g. {})", g.group, thousands(g.members), g.example_user)}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {(!errors.is_empty()).then(|| view! {
                <details class="dir-detail" data-testid="dir-read-errors">
                    <summary>{format!("Records that could not be read ({})", thousands(s.read_errors))}</summary>
                    <ul>{errors.iter().map(|e| view! { <li><code>{e.clone()}</code></li> }).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}
