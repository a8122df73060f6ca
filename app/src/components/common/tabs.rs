use crate::state::Part;
use leptos::prelude::*;
use playground_model::state::ui::Choice;
use web_sys::KeyboardEvent;

/// A row of tabs (WAI-ARIA tabs pattern): click or arrow keys, Home and End select; only the
/// selected tab is in the tab order. Tab `id`s name the panels (`{group}-panel-{id}`).
#[component]
pub fn TabList<T: Choice>(
    group: &'static str,
    #[prop(into)] label: String,
    selected: Part<T>,
    tabs: Vec<(T, Signal<String>)>,
) -> impl IntoView {
    let ids: Vec<T> = tabs.iter().map(|(id, _)| *id).collect();
    let keydown = {
        let ids = ids.clone();
        move |ev: KeyboardEvent| {
            let current = selected.get_untracked();
            let i = ids.iter().position(|id| *id == current).unwrap_or(0);
            let next = match ev.key().as_str() {
                "ArrowRight" => (i + 1) % ids.len(),
                "ArrowLeft" => (i + ids.len() - 1) % ids.len(),
                "Home" => 0,
                "End" => ids.len() - 1,
                _ => return,
            };
            ev.prevent_default();
            selected.set(ids[next]);
            if let Some(el) =
                document().get_element_by_id(&format!("{group}-tab-{}", ids[next].name()))
            {
                use wasm_bindgen::JsCast;
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    };
    view! {
        <div class="tablist" role="tablist" aria-label=label on:keydown=keydown>
            {tabs
                .into_iter()
                .map(|(id, text)| {
                    let is_selected = move || selected.get() == id;
                    let id_name = id.name();
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=format!("{group}-tab-{id_name}")
                            aria-controls=format!("{group}-panel-{id_name}")
                            aria-selected=move || if is_selected() { "true" } else { "false" }
                            tabindex=move || if is_selected() { "0" } else { "-1" }
                            on:click=move |_| selected.set(id)
                        >
                            {move || text.get()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The panel of tab `id`; hidden (but kept, with its state) while another tab is selected.
#[component]
pub fn TabPanel<T: Choice>(
    group: &'static str,
    id: T,
    selected: Part<T>,
    children: Children,
) -> impl IntoView {
    let name = id.name();
    view! {
        <section
            class="tabpanel"
            role="tabpanel"
            id=format!("{group}-panel-{name}")
            aria-labelledby=format!("{group}-tab-{name}")
            hidden=move || selected.get() != id
        >
            {children()}
        </section>
    }
}
