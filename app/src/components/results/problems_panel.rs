use crate::components::common::CopyButtons;
use crate::derived::Derived;
use crate::dom;
use crate::state::{SetupTab, Store};
use leptos::prelude::*;
use mapping_core::finding::Field;
use playground_model::view::analysis::field_name;
use wasm_bindgen::JsCast;

/// Opens the mapping table at row `index`, focuses `field` (the target for the row as a whole)
/// and selects `span` in it.
pub fn jump_to(store: Store, index: usize, field: Option<Field>, span: Option<(usize, usize)>) {
    let Some(row) = store.row_at(index) else {
        return;
    };
    store.setup_tab().set(SetupTab::Mappings);
    let (id, span) = match field {
        Some(f @ (Field::Source | Field::DefaultValue | Field::Target)) => {
            (row.field_id(field_name(f)), span)
        }
        Some(Field::Row) | None => (row.field_id("target"), None),
    };
    let row_id = format!("m{}", row.id);
    dom::after_render(move || {
        dom::focus_field(&id, span);
        if let Some(el) = document().get_element_by_id(&row_id) {
            let list = el.class_list();
            let _ = list.add_1("flash");
            set_timeout(
                move || {
                    let _ = el
                        .unchecked_ref::<web_sys::Element>()
                        .class_list()
                        .remove_1("flash");
                },
                std::time::Duration::from_millis(1600),
            );
        }
    });
}

/// Every finding, errors first; a finding about a row is a button that jumps to it.
#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let findings = Memo::new(move |_| derived.analysis.with(|a| a.findings.clone()));
    let target_of = move |index: usize| {
        store
            .row_at(index)
            .map(|r| r.target.get_untracked())
            .unwrap_or_default()
    };
    let as_text = Signal::derive(move || {
        findings.with(|list| {
            list.iter()
                .map(|f| {
                    let place = f
                        .row
                        .map(|r| format!(" (row {})", r + 1))
                        .unwrap_or_default();
                    let help = f
                        .help
                        .as_ref()
                        .map(|h| format!("\n    help: {h}"))
                        .unwrap_or_default();
                    format!(
                        "{}[{}]{place}: {}{help}",
                        f.severity.as_str(),
                        f.code,
                        f.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    view! {
        <div class="panel-toolbar">
            <span class="toolbar-label">"Errors first. A row link opens the field."</span>
            <CopyButtons text=as_text what="the problems" filename="problems.txt" mime="text/plain" />
        </div>
        <ul class="findings" data-testid="findings">
            {move || {
                let list = findings.get();
                if list.is_empty() {
                    return view! { <li class="hint">"No problems found."</li> }.into_any();
                }
                list.into_iter()
                    .map(|f| {
                        let place = f.row.map(|r| {
                            let field = f.field.filter(|x| *x != Field::Row).map(|x| format!(" · {}", field_name(x))).unwrap_or_default();
                            format!("Row {}{field}: {}", r + 1, target_of(r))
                        });
                        let (row, field, span) = (f.row, f.field, f.span);
                        let code = f.code.clone();
                        view! {
                            <li class=format!("finding {}", f.severity.as_str()) data-code=code data-testid="finding">
                                <span class="severity">{f.severity.as_str()}</span>
                                <div class="finding-body">
                                    <p class="message">{f.message}</p>
                                    {f.help.map(|h| view! { <p class="help">{h}</p> })}
                                    <p class="finding-meta">
                                        <code>{f.code}</code>
                                        {place
                                            .map(|p| {
                                                view! {
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="link small"
                                                        data-testid="finding-jump"
                                                        on:click=move |_| {
                                                            if let Some(r) = row {
                                                                jump_to(store, r, field, span);
                                                            }
                                                        }
                                                    >
                                                        {p}
                                                    </button>
                                                }
                                            })}
                                    </p>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </ul>
    }
}
