use crate::components::common::CopyButtons;
use crate::derived::Derived;
use crate::state::Store;
use leptos::prelude::*;

/// The evaluation of one row, as a tree of every step with its value. The steps are one flat
/// list (the depth is an ARIA level and an indent), so a thousand-deep expression renders
/// without a thousand nested elements.
#[component]
pub fn TracePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let rows = Memo::new(move |_| {
        let i = store.trace_row.get();
        derived
            .analysis
            .with(|a| a.traces.get(i).cloned().unwrap_or_default())
    });
    let outcome = Memo::new(move |_| {
        let i = store.trace_row.get();
        derived
            .analysis
            .with(|a| a.rows.get(i).map(|r| r.text.clone()))
    });
    let options = move || {
        store.rows.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| {
                    let target = r.target.get();
                    view! {
                        <option value=i.to_string() selected=move || store.trace_row.get() == i>
                            {format!("Row {}: {}", i + 1, if target.is_empty() { "(no target)".into() } else { target })}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let as_text = Signal::derive(move || {
        rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let note = r
                        .note
                        .as_ref()
                        .map(|n| format!("  ({n})"))
                        .unwrap_or_default();
                    format!("{}{} → {}{note}", "  ".repeat(r.depth), r.label, r.value)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    view! {
        <div class="panel-toolbar">
            <label for="trace-row" class="toolbar-label">"Row"</label>
            <select
                id="trace-row"
                prop:value=move || store.trace_row.get().to_string()
                on:change:target=move |ev| {
                    if let Ok(i) = ev.target().value().parse() {
                        store.trace_row.set(i);
                    }
                }
            >
                {options}
            </select>
            <CopyButtons text=as_text what="the trace" filename="trace.txt" mime="text/plain" />
        </div>
        <p class="trace-result">"Result: " <code>{move || outcome.get().unwrap_or_default()}</code></p>
        <ul class="trace" role="tree" aria-label="Evaluation trace" data-testid="trace">
            {move || {
                rows.get()
                    .into_iter()
                    .map(|row| {
                        let indent = row.depth.min(24).to_string();
                        view! {
                            <li role="treeitem" attr:aria-level=(row.depth + 1).to_string() style:--depth=indent>
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
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="hint">"Nothing was evaluated for this row (it is off, has no source, or failed to compile)."</p>
        </Show>
    }
}
