//! The playground page: type an Entra attribute-mapping expression and a user's source
//! attributes, see what Entra would send, why, and what is wrong — computed in the browser by
//! `mapping-core`, sending nothing anywhere.
//!
//! State is two strings (the expression and the user JSON); everything shown is derived from
//! them by [`report::analyse`] in one memo, and the components only render that report.

pub mod components;
pub mod report;
pub mod samples;

use components::{DiagnosticsView, ExpressionInput, ResultView, TraceView, UserInput};
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let expr = RwSignal::new(samples::INITIAL_EXPRESSION.to_string());
    let user = RwSignal::new(samples::SAMPLE_USER.to_string());
    // One clock reading for the session, so Now()-based results stay put while typing.
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let report = Memo::new(move |_| expr.with(|e| user.with(|u| report::analyse(e, u, now))));

    view! {
        <header class="page-header">
            <h1>"Entra attribute-mapping playground"</h1>
            <p class="privacy">
                "Runs entirely in your browser: nothing you type is sent anywhere, and the page makes no network requests."
            </p>
        </header>
        <main class="layout">
            <section class="inputs" aria-label="Inputs">
                <ExpressionInput expr=expr />
                <UserInput user=user report=report />
            </section>
            <section class="outputs" aria-label="Result">
                <ResultView report=report />
                <DiagnosticsView report=report />
                <TraceView report=report />
            </section>
        </main>
    }
}
