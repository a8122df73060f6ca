use super::{PhonesPanel, ProblemsPanel, RequestsPanel, TracePanel, UpdatePanel};
use crate::components::common::{TabList, TabPanel};
use crate::derived::Derived;
use crate::state::{Part, ResultsTab, Store};
use leptos::prelude::*;
use mapping_core::diag::Severity;
use mapping_core::scim::Dialect;

const GROUP: &str = "results";

/// The right-hand side: what Entra sends and what goes wrong, recomputed on every keystroke.
#[component]
pub fn ResultsPane() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let counts = Memo::new(move |_| {
        derived.analysis.with(|a| {
            let errors = a
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            (a.findings.len(), errors, a.phones.len())
        })
    });
    let tab: Part<ResultsTab> = store.results_tab();
    let tabs = vec![
        (
            ResultsTab::Requests,
            Signal::derive(|| "Requests".to_string()),
        ),
        (ResultsTab::Update, Signal::derive(|| "Update".to_string())),
        (
            ResultsTab::Phones,
            Signal::derive(move || format!("Phones ({})", counts.get().2)),
        ),
        (
            ResultsTab::Problems,
            Signal::derive(move || {
                let (n, errors, _) = counts.get();
                if errors > 0 {
                    format!("Problems ({n}, {errors} err.)")
                } else {
                    format!("Problems ({n})")
                }
            }),
        ),
        (ResultsTab::Trace, Signal::derive(|| "Trace".to_string())),
    ];
    let user_error = Memo::new(move |_| derived.user.with(|u| u.error.clone()));
    let dialect = move || store.settings.with(|s| s.dialect);

    view! {
        <section class="pane results-pane" aria-labelledby="results-title">
            <div class="pane-head">
                <h2 id="results-title">"What Entra sends"</h2>
                <label class="inline-field">
                    <span>"PATCH dialect"</span>
                    <select
                        id="dialect"
                        data-testid="dialect"
                        prop:value=move || dialect().as_str()
                        on:change:target=move |ev| {
                            if let Some(d) = Dialect::parse(&ev.target().value()) {
                                store.settings.update(|s| s.dialect = d);
                            }
                        }
                    >
                        <option value="default">"default"</option>
                        <option value="aadOptscim062020">"aadOptscim062020"</option>
                    </select>
                </label>
            </div>
            {move || {
                user_error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="stale" data-testid="stale-results" role="status">
                                {format!(
                                    "The user JSON has an error at line {}, column {}: these results are for its last valid version.",
                                    e.line,
                                    e.column,
                                )}
                            </p>
                        }
                    })
            }}
            <TabList group=GROUP label="Results" selected=tab tabs=tabs />
            <TabPanel group=GROUP id=ResultsTab::Requests selected=tab>
                <RequestsPanel />
            </TabPanel>
            <TabPanel group=GROUP id=ResultsTab::Update selected=tab>
                <UpdatePanel />
            </TabPanel>
            <TabPanel group=GROUP id=ResultsTab::Phones selected=tab>
                <PhonesPanel />
            </TabPanel>
            <TabPanel group=GROUP id=ResultsTab::Problems selected=tab>
                <ProblemsPanel />
            </TabPanel>
            <TabPanel group=GROUP id=ResultsTab::Trace selected=tab>
                <TracePanel />
            </TabPanel>
        </section>
    }
}
