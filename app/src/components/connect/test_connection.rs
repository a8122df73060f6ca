use leptos::prelude::*;
use mapping_core::connect;
use mapping_core::genesys::regions::Region;

/// Stands for the random value Entra puts in its probe.
const EXAMPLE_GUID: &str = "3f6c2b1e-9a4d-4e7b-8c21-5d0f7a9e6b42";

fn pretty(json: &serde_json::Value) -> String {
    serde_json::to_string_pretty(json).unwrap_or_default()
}

/// What Entra's Test Connection sends to the Tenant URL, the answers that pass, and the usual
/// failures with how each shows.
#[component]
pub fn TestConnection(#[prop(into)] region: Signal<&'static Region>) -> impl IntoView {
    view! {
        {move || {
            let region = region.get();
            view! {
                <p>
                    "Tenant URL: " <code data-testid="connect-tenant-url">{region.tenant_url()}</code>
                    ". Entra sends these requests with the Secret Token; both must succeed."
                </p>
                <ol class="probes" data-testid="probes">
                    {connect::test_connection(region, EXAMPLE_GUID)
                        .into_iter()
                        .map(|p| view! {
                            <li class="probe" data-testid="probe">
                                <pre class="code">
                                    {format!("{} {}\n", p.method, p.url)}
                                    {p.headers.iter().map(|(k, v)| format!("{k}: {v}\n")).collect::<String>()}
                                </pre>
                                <p>
                                    {p.purpose}
                                    {p.inferred.then_some(" (the exact form is inferred from Microsoft's description)")}
                                </p>
                                <p class="label">{format!("A correct answer: {}", p.expected_status)}</p>
                                <pre class="code">{pretty(&p.expected_body)}</pre>
                            </li>
                        })
                        .collect_view()}
                </ol>
                <h3>"When it fails"</h3>
                <ul class="failures" data-testid="failures">
                    {connect::failures(region)
                        .into_iter()
                        .map(|f| view! {
                            <li class="failure" data-testid="failure" data-failure=f.id>
                                <h4>{f.title}</h4>
                                <p class="label">{format!("Shows during {} as HTTP {}", f.during, f.status)}</p>
                                <pre class="code">{pretty(&f.body_example)}</pre>
                                <p><strong>"Why: "</strong>{f.cause}</p>
                                <p><strong>"Fix: "</strong>{f.fix}</p>
                            </li>
                        })
                        .collect_view()}
                </ul>
            }
        }}
    }
}
