use crate::components::common::CopyButtons;
use crate::derived::Derived;
use crate::state::Store;
use leptos::prelude::*;
use playground_model::view::trace_tree;

/// The evaluation of one row, as a tree of every step with its value. The steps are one flat
/// list (the depth is an ARIA level and an indent), so a thousand-deep expression renders
/// without a thousand nested elements; a step with steps under it folds.
#[component]
pub fn TracePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let rows = Memo::new(move |_| {
        let i = store.trace_row().get();
        derived
            .analysis
            .with(|a| a.traces.get(i).cloned().unwrap_or_default())
    });
    // Folds are kept while typing changes values but not the shape of the tree.
    let depths = Memo::new(move |_| rows.with(|r| r.iter().map(|x| x.depth).collect::<Vec<_>>()));
    let folded = RwSignal::new(Vec::<bool>::new());
    Effect::new(move |_| folded.set(vec![false; depths.with(Vec::len)]));
    let outcome = Memo::new(move |_| {
        let i = store.trace_row().get();
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
                        <option value=i.to_string() selected=move || store.trace_row().get() == i>
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
                prop:value=move || store.trace_row().get().to_string()
                on:change:target=move |ev| {
                    if let Ok(i) = ev.target().value().parse() {
                        store.trace_row().set(i);
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
                let rows = rows.get();
                let shown = depths.with(|d| folded.with(|f| trace_tree::visible(d, f)));
                shown
                    .into_iter()
                    .map(|step| {
                        let row = rows[step.index].clone();
                        let i = step.index;
                        let is_folded = folded.with_untracked(|f| f.get(i).copied().unwrap_or(false));
                        let indent = row.depth.min(24).to_string();
                        let toggle = step.has_children.then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="fold"
                                    aria-label=if is_folded { "Unfold this step" } else { "Fold this step" }
                                    on:click=move |_| folded.update(|f| {
                                        if let Some(x) = f.get_mut(i) {
                                            *x = !*x;
                                        }
                                    })
                                >
                                    {if is_folded { "▸" } else { "▾" }}
                                </button>
                            }
                        });
                        let expanded = step.has_children.then(|| (!is_folded).to_string());
                        // tachys has no `aria-level` attribute: set both ARIA states by name.
                        view! {
                            <li role="treeitem" style:--depth=indent>
                                {toggle}
                                <span class="label">{row.label}</span>
                                <span class="arrow" aria-hidden="true">" → "</span>
                                <span class="value">{row.value}</span>
                                {row.note.map(|n| view! { <span class="note">{n}</span> })}
                            </li>
                        }
                        .attr("aria-level", (row.depth + 1).to_string())
                        .attr("aria-expanded", expanded)
                    })
                    .collect_view()
            }}
        </ul>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="hint">"Nothing was evaluated for this row (it is off, has no source, or failed to compile)."</p>
        </Show>
    }
}
