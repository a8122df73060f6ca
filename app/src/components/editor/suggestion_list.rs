use leptos::prelude::*;
use playground_model::view::completion::Suggestion;

/// The autocomplete listbox. The textarea keeps the focus (it points at the active option with
/// `aria-activedescendant`); a click picks an option without taking the focus away.
#[component]
pub fn SuggestionList(
    id: String,
    #[prop(into)] items: Signal<Vec<Suggestion>>,
    #[prop(into)] active: Signal<usize>,
    on_pick: Callback<usize>,
) -> impl IntoView {
    let list_id = id.clone();
    view! {
        <ul class="suggestions" role="listbox" id=list_id aria-label="Suggestions">
            {move || {
                items
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let selected = move || active.get() == i;
                        view! {
                            <li
                                role="option"
                                id=format!("{id}-{i}")
                                class="suggestion"
                                aria-selected=move || if selected() { "true" } else { "false" }
                                on:mousedown=move |ev| {
                                    ev.prevent_default();
                                    on_pick.run(i);
                                }
                            >
                                <span class="suggestion-detail">{s.detail}</span>
                                <span class="suggestion-help">{s.help}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
