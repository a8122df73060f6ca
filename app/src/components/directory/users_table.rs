//! The users table, virtualized: the worker filters, searches and sorts every row; the page asks
//! for the rows around the viewport and draws only those, positioned in a spacer as tall as all
//! rows. Clicking a row opens the user in the playground.

use super::client::Client;
use super::state::DirectoryState;
use leptos::html::Div;
use leptos::prelude::*;
use playground_model::directory::protocol::ToWorker;
use playground_model::directory::summary::OUTCOMES;
use playground_model::directory::table::{Query, SortKey};
use playground_model::directory::window::{covers, Geometry};

const GEOMETRY: Geometry = Geometry {
    row_height: 30.0,
    viewport: 420.0,
    margin: 40,
};

#[component]
pub fn UsersTable(state: DirectoryState, client: Client) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0f64);
    // The rows asked for last, under which query and result (no repeated requests).
    let asked_for = StoredValue::new((Query::default(), 0u64, 0usize..0usize));

    let ask = move |query: Query, result: u64, range: std::ops::Range<usize>| {
        if asked_for.with_value(|(q, r, a)| *q == query && *r == result && *a == range) {
            return;
        }
        asked_for.set_value((query.clone(), result, range.clone()));
        let seq = state.asked.get_value() + 1;
        state.asked.set_value(seq);
        client.ask(&ToWorker::Page {
            seq,
            query,
            offset: range.start,
            limit: range.len(),
        });
    };

    // A new result or query starts at the top.
    Effect::new(move |_| {
        state.query.track();
        let _ = state.result.with(|r| r.as_ref().map(|r| r.id));
        scroll_top.set(0.0);
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
    });
    Effect::new(move |_| {
        let Some(result) = state.result.with(|r| r.as_ref().map(|r| (r.id, r.rows))) else {
            return;
        };
        let query = state.query.get();
        let top = scroll_top.get();
        let (page_total, held) = state
            .page
            .with(|p| (p.total, p.offset..p.offset + p.rows.len()));
        let answered = asked_for.with_value(|(q, r, _)| *q == query && *r == result.0)
            && state.page.with(|p| p.seq == state.asked.get_value());
        let total = if answered { page_total } else { result.1 };
        let visible = GEOMETRY.visible(top, total);
        if !answered || !covers(&held, &visible) {
            ask(query, result.0, GEOMETRY.wanted(&visible, total));
        }
    });

    let total = move || state.page.with(|p| p.total);
    let open = move |index: u32| client.ask(&ToWorker::User { index });
    let codes = move || {
        state.result.with(|r| {
            r.as_ref()
                .map(|r| r.summary.findings.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="dir-table" aria-label="Users" data-testid="dir-table">
            <div class="dir-table-tools">
                <label>
                    "Outcome "
                    <select
                        data-testid="dir-filter-outcome"
                        prop:value=move || state.query.with(|q| q.outcome.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.query.update(|q| q.outcome = (!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="">"all"</option>
                        {OUTCOMES
                            .iter()
                            .map(|(key, label)| view! { <option value=*key>{*label}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    "Finding "
                    <select
                        data-testid="dir-filter-code"
                        prop:value=move || state.query.with(|q| q.code.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.query.update(|q| q.code = (!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="">"any"</option>
                        {move || {
                            codes()
                                .into_iter()
                                .map(|c| view! { <option value=c.clone()>{c.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    "Search "
                    <input
                        type="search"
                        data-testid="dir-search"
                        placeholder="userName, name, id…"
                        prop:value=move || state.query.with(|q| q.search.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.query.update(|q| q.search = v);
                        }
                    />
                </label>
                <label>
                    "Sort "
                    <select
                        data-testid="dir-sort"
                        on:change=move |ev| {
                            let key = SortKey::from_name(&event_target_value(&ev));
                            state.query.update(|q| q.sort.key = key);
                        }
                    >
                        {SortKey::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.name()>{k.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <input
                        type="checkbox"
                        data-testid="dir-sort-descending"
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.query.update(|q| q.sort.descending = on);
                        }
                    />
                    " descending"
                </label>
                <span class="muted" data-testid="dir-count">
                    {move || format!("{} users", playground_model::directory::progress::thousands(total()))}
                </span>
            </div>
            <div class="dir-row dir-head" aria-hidden="true">
                <span>"userName"</span>
                <span>"display name"</span>
                <span>"outcome"</span>
                <span>"findings"</span>
                <span>"why"</span>
            </div>
            <div
                class="dir-scroller"
                node_ref=scroller
                on:scroll=move |_| {
                    if let Some(el) = scroller.get_untracked() {
                        scroll_top.set(el.scroll_top() as f64);
                    }
                }
            >
                <div
                    class="dir-spacer"
                    style:height=move || format!("{}px", GEOMETRY.content_height(total()))
                >
                    {move || {
                        let page = state.page.get();
                        page.rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, row)| {
                                let index = row.index;
                                let top = GEOMETRY.top(page.offset + i);
                                view! {
                                    <button
                                        type="button"
                                        class="dir-row"
                                        data-testid="dir-row"
                                        data-index=index
                                        data-outcome=row.outcome.clone()
                                        title="Open this user in the playground"
                                        style:top=format!("{top}px")
                                        on:click=move |_| open(index)
                                    >
                                        <span class="cell-user">{row.user_name}</span>
                                        <span>{row.display_name}</span>
                                        <span class=format!("pill outcome-{}", row.outcome.replace(' ', "-"))>{row.outcome.clone()}</span>
                                        <span class="cell-codes">{row.codes.join(" ")}</span>
                                        <span class="cell-note">{row.note}</span>
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </div>
        </section>
    }
}
