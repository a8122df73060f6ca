use super::ExcerptView;
use crate::report::Report;
use crate::samples::SAMPLE_USER;
use leptos::prelude::*;

/// The user's source attributes as a flat JSON object, with its parse error if any.
#[component]
pub fn UserInput(user: RwSignal<String>, report: Memo<Report>) -> impl IntoView {
    let error = move || report.with(|r| r.user_error.clone());
    view! {
        <div class="field">
            <div class="field-head">
                <label for="user">"User’s source attributes (JSON)"</label>
                <button type="button" class="link" on:click=move |_| user.set(SAMPLE_USER.to_string())>
                    "Reset sample user"
                </button>
            </div>
            <textarea
                id="user"
                data-testid="user"
                class="code"
                rows="16"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="user-hint user-error"
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                prop:value=move || user.get()
                on:input:target=move |ev| user.set(ev.target().value())
            ></textarea>
            <p id="user-hint" class="hint">
                "One object: names as Entra’s provisioning engine uses them; arrays for multi-valued attributes; a missing attribute is null."
            </p>
            <div id="user-error" data-testid="user-error" role="status">
                {move || {
                    error()
                        .map(|e| {
                            let position = e.position.map(|(line, column)| {
                                view! {
                                    <span class="position" title=format!("line {line}, column {column}")>
                                        {format!("{line}:{column}")}
                                    </span>
                                    " "
                                }
                            });
                            view! {
                                <div class="diagnostic error">
                                    <p class="message">
                                        <span class="severity">"error"</span>
                                        " "
                                        {position}
                                        {e.message}
                                    </p>
                                    {e.excerpt.map(|x| view! { <ExcerptView excerpt=x /> })}
                                </div>
                            }
                        })
                }}
            </div>
        </div>
    }
}
