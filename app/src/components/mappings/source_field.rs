use crate::components::common::TextInput;
use crate::components::editor::ExpressionEditor;
use crate::state::RowSignals;
use leptos::prelude::*;
use mapping_core::mapping::model::MappingKind;

/// The source of a row, by mapping type: an attribute picker (Direct), a value (Constant), the
/// expression editor (Expression), or nothing (None).
#[component]
pub fn SourceField(row: RowSignals, #[prop(into)] number: Signal<usize>) -> impl IntoView {
    let id = row.field_id("source");
    move || {
        let id = id.clone();
        match row.kind.get() {
            MappingKind::Expression => view! {
                <ExpressionEditor
                    id=id
                    value=row.source
                    label=Signal::derive(move || format!("Row {} expression", number.get()))
                />
            }
            .into_any(),
            MappingKind::Direct => view! {
                <TextInput
                    id=id
                    class="source-input code"
                    list="source-attributes"
                    placeholder="source attribute, e.g. mail"
                    value=row.source
                    label=Signal::derive(move || format!("Row {} source attribute", number.get()))
                />
            }
            .into_any(),
            MappingKind::Constant => view! {
                <TextInput
                    id=id
                    class="source-input code"
                    placeholder="constant value"
                    value=row.source
                    label=Signal::derive(move || format!("Row {} constant value", number.get()))
                />
            }
            .into_any(),
            MappingKind::None => view! {
                <p class="hint source-none" id=id tabindex="-1">
                    "No source: the target is only set from the default value, on create."
                </p>
            }
            .into_any(),
        }
    }
}
