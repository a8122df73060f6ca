use crate::samples::EXAMPLES;
use leptos::prelude::*;

/// The expression editor with a list of examples.
#[component]
pub fn ExpressionInput(expr: RwSignal<String>) -> impl IntoView {
    // The examples list shows the example the text equals, or the "choose" entry once edited.
    let selected = move || {
        expr.with(|e| {
            EXAMPLES
                .iter()
                .position(|(_, x)| x == e)
                .map_or(String::new(), |i| i.to_string())
        })
    };
    let length = move || expr.with(|e| e.chars().count());

    view! {
        <div class="field">
            <div class="field-head">
                <label for="expr">"Expression"</label>
                <label class="examples">
                    <span>"Examples "</span>
                    <select
                        id="examples"
                        data-testid="examples"
                        prop:value=selected
                        on:change:target=move |ev| {
                            if let Some((_, text)) = ev
                                .target()
                                .value()
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| EXAMPLES.get(i))
                            {
                                expr.set((*text).to_string());
                            }
                        }
                    >
                        <option value="">"Choose an example…"</option>
                        {EXAMPLES
                            .iter()
                            .enumerate()
                            .map(|(i, (label, _))| view! { <option value=i.to_string()>{*label}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <textarea
                id="expr"
                data-testid="expr"
                class="code"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="expr-hint"
                prop:value=move || expr.get()
                on:input:target=move |ev| expr.set(ev.target().value())
            ></textarea>
            <p id="expr-hint" class="hint">
                {length}
                " / 10,000 characters. Attributes in square brackets, e.g. "
                <code>"[telephoneNumber]"</code>
                "; text in straight double quotes."
            </p>
        </div>
    }
}
