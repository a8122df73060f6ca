use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// A row of tabs (WAI-ARIA tabs pattern): click or arrow keys, Home and End select; only the
/// selected tab is in the tab order. Tab `id`s name the panels (`{group}-panel-{id}`).
#[component]
pub fn TabList(
    group: &'static str,
    #[prop(into)] label: String,
    selected: RwSignal<String>,
    tabs: Vec<(&'static str, Signal<String>)>,
) -> impl IntoView {
    let ids: Vec<&'static str> = tabs.iter().map(|(id, _)| *id).collect();
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
            selected.set(ids[next].to_string());
            if let Some(el) = document().get_element_by_id(&format!("{group}-tab-{}", ids[next])) {
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
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=format!("{group}-tab-{id}")
                            aria-controls=format!("{group}-panel-{id}")
                            aria-selected=move || if is_selected() { "true" } else { "false" }
                            tabindex=move || if is_selected() { "0" } else { "-1" }
                            on:click=move |_| selected.set(id.to_string())
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
pub fn TabPanel(
    group: &'static str,
    id: &'static str,
    selected: RwSignal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section
            class="tabpanel"
            role="tabpanel"
            id=format!("{group}-panel-{id}")
            aria-labelledby=format!("{group}-tab-{id}")
            hidden=move || selected.get() != id
        >
            {children()}
        </section>
    }
}
