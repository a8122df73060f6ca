use super::SourceField;
use crate::components::common::{refuse_paste_into_field, TextInput};
use crate::derived::Derived;
use crate::dom;
use crate::state::{ResultsTab, RowSignals, Store};
use leptos::prelude::*;
use mapping_core::mapping::model::{FlowType, MappingKind};

const KINDS: &[(MappingKind, &str)] = &[
    (MappingKind::Direct, "Direct"),
    (MappingKind::Constant, "Constant"),
    (MappingKind::Expression, "Expression"),
    (MappingKind::None, "None"),
];

const FLOWS: &[(FlowType, &str)] = &[
    (FlowType::Always, "Always"),
    (FlowType::ObjectAddOnly, "Only on create"),
    (FlowType::MultiValueAddOnly, "MultiValueAddOnly"),
    (FlowType::ValueAddOnly, "ValueAddOnly"),
    (FlowType::AttributeAddOnly, "AttributeAddOnly"),
];

fn kind_name(kind: MappingKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("Direct", |(_, n)| n)
}

/// One mapping: on/off, target, type, apply, matching precedence, order buttons, then the source
/// and default value, and what the row gives the current user.
#[component]
pub fn MappingRow(index: ReadSignal<usize>, row: RowSignals) -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let number = Signal::derive(move || index.get() + 1);
    let outcome = Memo::new(move |_| {
        let i = index.get();
        derived.analysis.with(|a| a.rows.get(i).cloned())
    });
    let is_last = move || index.get() + 1 >= store.rows.with(Vec::len);
    let id = row.id;

    let move_by = move |delta: isize, button: &'static str| {
        if store.move_row(id, delta) {
            dom::after_render(move || dom::focus_field(&format!("m{id}-{button}"), None));
        }
    };
    let remove = move |_| {
        let i = index.get_untracked();
        store.remove_row(id);
        // Keep the focus in the table: the row that took this place, or the add button.
        let next = store
            .row_at(i)
            .or_else(|| i.checked_sub(1).and_then(|j| store.row_at(j)));
        dom::after_render(move || match next {
            Some(r) => dom::focus_field(&r.field_id("remove"), None),
            None => dom::focus_field("add-row-button", None),
        });
    };
    let show_trace = move |_| {
        store.trace_row().set(index.get_untracked());
        store.results_tab().set(ResultsTab::Trace);
    };
    let flow_options = move || {
        let current = row.flow_type.get();
        FLOWS
            .iter()
            .filter(|(f, _)| {
                matches!(f, FlowType::Always | FlowType::ObjectAddOnly) || *f == current
            })
            .map(|(f, label)| {
                view! {
                    <option value=f.as_str() selected=*f == current>
                        {*label}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <li
            class="mapping-row"
            id=format!("m{id}")
            data-row=move || index.get().to_string()
            class:off=move || !row.enabled.get()
        >
            <div class="mapping-main">
                <label class="row-number">
                    <span class="num" aria-hidden="true">{number}</span>
                    <input
                        type="checkbox"
                        id=row.field_id("enabled")
                        aria-label=move || format!("Row {} is on", number.get())
                        prop:checked=move || row.enabled.get()
                        on:change:target=move |ev| row.enabled.set(ev.target().checked())
                    />
                </label>
                <input
                    id=row.field_id("target")
                    class="code target-input"
                    list="genesys-targets"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="target attribute"
                    title=move || row.target.get()
                    aria-label=move || format!("Row {} target attribute", number.get())
                    prop:value=move || row.target.get()
                    on:input:target=move |ev| row.target.set(ev.target().value())
                    on:paste=move |ev| refuse_paste_into_field(&ev)
                />
                <select
                    id=row.field_id("kind")
                    aria-label=move || format!("Row {} mapping type", number.get())
                    prop:value=move || kind_name(row.kind.get())
                    on:change:target=move |ev| {
                        let name = ev.target().value();
                        if let Some((k, _)) = KINDS.iter().find(|(_, n)| *n == name) {
                            row.kind.set(*k);
                        }
                    }
                >
                    {KINDS
                        .iter()
                        .map(|(_, n)| view! { <option value=*n>{*n}</option> })
                        .collect_view()}
                </select>
                <span class="row-actions">
                    <button
                        type="button"
                        class="icon"
                        id=row.field_id("up")
                        aria-label=move || format!("Move row {} up", number.get())
                        title="Move up"
                        disabled=move || index.get() == 0
                        on:click=move |_| move_by(-1, "up")
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        class="icon"
                        id=row.field_id("down")
                        aria-label=move || format!("Move row {} down", number.get())
                        title="Move down"
                        disabled=is_last
                        on:click=move |_| move_by(1, "down")
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="icon danger"
                        id=row.field_id("remove")
                        aria-label=move || format!("Delete row {}", number.get())
                        title="Delete"
                        on:click=remove
                    >
                        "✕"
                    </button>
                </span>
            </div>
            <div class="mapping-source">
                <SourceField row=row number=number />
                <TextInput
                    id=row.field_id("default")
                    class="default-input"
                    placeholder="default if null"
                    title="Default value if null (used on create only)"
                    value=row.default_value
                    label=Signal::derive(move || format!("Row {} default value if null (create only)", number.get()))
                />
            </div>
            <div class="mapping-outcome">
                {move || {
                    outcome
                        .get()
                        .map(|o| {
                            view! {
                                <span class="outcome" data-outcome=o.outcome.name() data-testid="row-outcome">
                                    <span class="outcome-arrow" aria-hidden="true">"→ "</span>
                                    {o.text}
                                    {o.default_used.then_some(" (default value)")}
                                </span>
                            }
                        })
                }}
                <span class="row-controls">
                    <label class="mini">
                        <span>"Apply"</span>
                        <select
                            id=row.field_id("flow")
                            aria-label=move || format!("Row {} apply this mapping", number.get())
                            on:change:target=move |ev| {
                                if let Some(f) = FlowType::parse(&ev.target().value()) {
                                    row.flow_type.set(f);
                                }
                            }
                        >
                            {flow_options}
                        </select>
                    </label>
                    <label class="mini">
                        <span title="Matching precedence: 1 = the attribute Entra finds existing users by; 0 = not used">
                            "Match"
                        </span>
                        <input
                            type="number"
                            min="0"
                            max="99"
                            class="match-input"
                            id=row.field_id("matching")
                            aria-label=move || {
                                format!("Row {} matching precedence (0 = not matched on)", number.get())
                            }
                            prop:value=move || row.matching.get().to_string()
                            on:input:target=move |ev| {
                                row.matching.set(ev.target().value().trim().parse().unwrap_or(0).min(99));
                            }
                        />
                    </label>
                    <button
                        type="button"
                        class="link small"
                        aria-label=move || format!("Show how row {} is evaluated", number.get())
                        on:click=show_trace
                    >
                        "Trace"
                    </button>
                </span>
            </div>
        </li>
    }
}
