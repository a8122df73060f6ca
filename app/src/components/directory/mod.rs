//! The Directory view: the go-live check over a whole directory export, run in a Web Worker
//! (`crates/directory-worker`) that is fetched when the view first opens (one waits on
//! standby). Files go to the worker as `File` objects and are read there in chunks; the page
//! holds the summary and the rows on screen only, so it stays responsive at 100k users.
//!
//! * [`client`]: the workers (the running one, the one keeping the last result);
//! * [`state`]: status, result, table query and rows on screen;
//! * [`inputs_panel`], [`summary_panel`], [`chart`], [`users_table`]: the view's parts.

mod chart;
mod client;
mod inputs_panel;
mod state;
mod summary_panel;
mod users_table;

use inputs_panel::InputsPanel;
use leptos::prelude::*;
use summary_panel::SummaryPanel;
use users_table::UsersTable;

/// The whole view; opening a user switches the page to the playground.
#[component]
pub fn DirectoryView() -> impl IntoView {
    let state = state::DirectoryState::new();
    let client = client::Client::new(state);
    client.stand_by();
    state::open_users_in_the_playground(state);
    view! {
        <div class="directory" data-testid="directory">
            <header class="dir-intro">
                <h2>"Go-live check over a whole directory"</h2>
                <p class="muted">
                    "What Entra will do to every user of a directory export once provisioning is on: outcomes, findings, quarantine risk. The files are read in a worker inside this page; nothing is uploaded."
                </p>
            </header>
            <InputsPanel state client />
            <SummaryPanel state />
            <Show when=move || state.result.with(Option::is_some)>
                <UsersTable state client />
            </Show>
        </div>
    }
}
