use crate::components::common::ExcerptView;
use crate::derived::Parsed;
use crate::state::store::TextDoc;
use crate::view::json::line_count;
use crate::view::text::byte_to_utf16;
use leptos::html::Textarea;
use leptos::prelude::*;
use std::time::Duration;

/// Above this many characters, the text is read from the box only once typing pauses: reading,
/// parsing and evaluating a large user on every keystroke would block typing.
pub const LARGE_TEXT: u32 = 200_000;
/// How long typing must pause before a large text is read.
const LARGE_DEBOUNCE: Duration = Duration::from_millis(300);
/// Must equal the editor's CSS line height and top padding.
const LINE_HEIGHT: f64 = 20.0;
const PADDING_TOP: f64 = 8.0;

/// A JSON box with line numbers and the parse error positioned. The textarea is not re-rendered
/// from the signal while typing (only when the text is replaced from outside), and only the line
/// numbers in view are drawn, so a multi-megabyte paste stays responsive.
#[component]
pub fn JsonEditor(
    id: &'static str,
    #[prop(into)] label: String,
    doc: TextDoc,
    parsed: Memo<Parsed>,
) -> impl IntoView {
    let area = NodeRef::<Textarea>::new();
    let scroll_top = RwSignal::new(0.0f64);
    let height = RwSignal::new(360.0f64);
    let pending = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let lines = Memo::new(move |_| doc.text.with(|t| line_count(t)));
    let error = Memo::new(move |_| parsed.with(|p| p.error.clone()));

    let measure = move || {
        if let Some(el) = area.get_untracked() {
            scroll_top.set(el.scroll_top() as f64);
            // A hidden tab measures 0: keep the last height.
            if el.client_height() > 0 {
                height.set(el.client_height() as f64);
            }
        }
    };
    let on_input = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        measure();
        if el.text_length() > LARGE_TEXT {
            pending.set(true);
            let handle = set_timeout_with_handle(
                move || {
                    if let Some(el) = area.get_untracked() {
                        doc.text.set(el.value());
                    }
                    pending.set(false);
                },
                LARGE_DEBOUNCE,
            );
            timer.set_value(handle.ok());
        } else {
            pending.set(false);
            doc.text.set(el.value());
        }
    };
    // The box's content is set from the signal on first render and on replacements only.
    let initial = move || {
        doc.loaded.track();
        doc.text.get_untracked()
    };
    Effect::new(move |_| {
        doc.loaded.track();
        measure();
    });

    let gutter = move || {
        let first = ((scroll_top.get() - PADDING_TOP) / LINE_HEIGHT)
            .floor()
            .max(0.0) as usize;
        let count = (height.get() / LINE_HEIGHT).ceil() as usize + 2;
        let last = (first + count).min(lines.get());
        let error_line = error.with(|e| e.as_ref().map(|e| e.line));
        let offset = PADDING_TOP + first as f64 * LINE_HEIGHT - scroll_top.get();
        let numbers = (first + 1..=last)
            .map(|n| {
                let is_error = error_line == Some(n);
                view! { <span class:err-line=is_error>{n}</span> }
            })
            .collect_view();
        (offset, numbers)
    };
    let go_to_error = move |_| {
        let (Some(el), Some(e)) = (area.get_untracked(), error.get_untracked()) else {
            return;
        };
        let _ = el.focus();
        let text = el.value();
        let at = byte_to_utf16(&text, e.offset);
        let _ = el.set_selection_range(at, at);
        let top = (e.line.saturating_sub(1) as f64) * LINE_HEIGHT - height.get_untracked() / 2.0;
        el.set_scroll_top(top.max(0.0) as i32);
        measure();
    };
    let error_id = format!("{id}-error");

    view! {
        <div class="json-editor" class:has-error=move || error.with(Option::is_some)>
            <div class="gutter" aria-hidden="true">
                {move || {
                    let (offset, numbers) = gutter();
                    view! {
                        <div class="gutter-lines" style:transform=format!("translateY({offset}px)")>
                            {numbers}
                        </div>
                    }
                }}
            </div>
            <textarea
                id=id
                class="code json-input"
                node_ref=area
                wrap="off"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-label=label
                aria-describedby=error_id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=initial
                on:input=on_input
                on:scroll=move |_| measure()
                on:mouseup=move |_| measure()
                on:focus=move |_| measure()
            ></textarea>
        </div>
        <div id=error_id class="json-status" role="status" data-testid=format!("{id}-status")>
            {move || pending.get().then(|| view! { <p class="hint">"Reading the text when typing pauses (large input)…"</p> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="diagnostic error" data-testid="json-error">
                                <p class="message">
                                    <span class="severity">"JSON error"</span>
                                    " "
                                    <span class="position" data-testid="json-error-position">
                                        {format!("line {}, column {}", e.line, e.column)}
                                    </span>
                                    ": "
                                    {e.message}
                                    " "
                                    <button type="button" class="link small" on:click=go_to_error>
                                        "Go to the error"
                                    </button>
                                </p>
                                <ExcerptView excerpt=e.excerpt />
                            </div>
                        }
                    })
            }}
        </div>
    }
}
