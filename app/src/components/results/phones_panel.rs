use crate::components::common::CopyButtons;
use crate::derived::Derived;
use crate::dom;
use crate::state::{SetupTab, Store};
use leptos::prelude::*;
use mapping_core::mapping::model::MappingKind;
use playground_model::view::analysis::{verdict_name, verdict_text};

/// Every phone number the create sends, as Genesys would take it, with a fixing expression.
#[component]
pub fn PhonesPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let derived = expect_context::<Derived>();
    let phones = Memo::new(move |_| derived.analysis.with(|a| a.phones.clone()));
    let use_expression = move |row: usize, expression: String| {
        if let Some(r) = store.row_at(row) {
            r.kind.set(MappingKind::Expression);
            r.source.set(expression);
            store.setup_tab().set(SetupTab::Mappings);
            let id = r.field_id("source");
            dom::after_render(move || dom::focus_field(&id, None));
        }
    };
    view! {
        <p class="hint">
            "Numbers are read with the default region from Settings ("
            {move || store.settings.with(|s| s.phone_region.clone())}
            "). Genesys wants E.164 (+13178723000) or a tel: URI (tel:+13178723000;ext=105)."
        </p>
        <div class="phones" data-testid="phones">
            {move || {
                let list = phones.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No phone number is sent for this user."</p> }.into_any();
                }
                list.into_iter()
                    .map(|p| {
                        let row = p.row;
                        view! {
                            <article class="phone" data-verdict=verdict_name(p.verdict) data-testid="phone">
                                <header>
                                    <span class=format!("verdict verdict-{}", verdict_name(p.verdict)) data-testid="phone-verdict">
                                        {verdict_text(p.verdict)}
                                    </span>
                                    <code class="phone-target">{format!("row {}: {}", row + 1, p.target)}</code>
                                </header>
                                <dl class="facts">
                                    <dt>"Sent"</dt>
                                    <dd class="code">{format!("{:?}", p.input)}</dd>
                                    <dt>"E.164"</dt>
                                    <dd class="code">{p.e164.unwrap_or_else(|| "—".into())}</dd>
                                    <dt>"tel: URI"</dt>
                                    <dd class="code">{p.tel_uri.unwrap_or_else(|| "—".into())}</dd>
                                    <dt>"Extension"</dt>
                                    <dd class="code">{p.extension.unwrap_or_else(|| "none".into())}</dd>
                                    <dt>"Valid number"</dt>
                                    <dd>
                                        {if p.valid { "yes" } else { "no" }}
                                        {p.number_type.map(|t| format!(", {t}"))}
                                        {p.country.map(|c| format!(" ({c})"))}
                                    </dd>
                                </dl>
                                {(!p.problems.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="phone-problems">
                                                {p.problems.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                                {p
                                    .suggestion
                                    .map(|(expression, explanation)| {
                                        let apply = expression.clone();
                                        view! {
                                            <div class="suggestion-box">
                                                <p>"Suggested expression: " {explanation}</p>
                                                <pre class="json-output"><code>{expression.clone()}</code></pre>
                                                <button
                                                    type="button"
                                                    class="small primary"
                                                    on:click=move |_| use_expression(row, apply.clone())
                                                >
                                                    {format!("Use it in row {}", row + 1)}
                                                </button>
                                                <CopyButtons text=expression what="the suggested expression" filename="expression.txt" mime="text/plain" />
                                            </div>
                                        }
                                    })}
                            </article>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
