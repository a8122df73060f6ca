use crate::components::common::ExcerptView;
use crate::debounce::Debouncer;
use crate::derived::Parsed;
use crate::dom::set_style;
use crate::state::store::TextDoc;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use playground_model::timing::{self, Deferred};
use playground_model::view::text::{byte_to_utf16, utf16_to_byte};
use playground_model::view::text_window::{self as tw, Buffer};

/// Must equal the editor's CSS line height and top padding, in pixels. Whole numbers: formatting
/// an f64 would link the float printer into the page for nothing.
const LINE_HEIGHT: i32 = 20;
const PADDING_TOP: i32 = 8;

/// A JSON box with line numbers and the parse error positioned. A long text (a user with
/// thousands of groups, a 5 MB paste) is held through a window of lines around the view, so
/// typing stays fast whatever its size; Ctrl+A then copies, cuts or replaces all of it.
#[component]
pub fn JsonEditor(
    id: &'static str,
    #[prop(into)] label: String,
    doc: TextDoc,
    parsed: Memo<Parsed>,
) -> impl IntoView {
    let area = NodeRef::<Textarea>::new();
    let scroller = NodeRef::<Div>::new();
    let sheet = NodeRef::<Div>::new();
    let buffer = StoredValue::new(Buffer::default());
    // The window's first line and length, and the text's lines, for the gutter and the note.
    let first = RwSignal::new(0usize);
    let shown_lines = RwSignal::new(1usize);
    let total_lines = RwSignal::new(1usize);
    // The view's height in pixels (a hidden tab measures 0: the last height is kept).
    let view_height = StoredValue::new(360i32);
    let all_selected = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let debouncer = Debouncer::new();
    // A selection scrolled out of the window, and where the caret was put meanwhile.
    let detached = StoredValue::new(None::<((usize, usize), u32)>);
    let error = Memo::new(move |_| parsed.with(|p| p.error.clone()));

    // Sizes the sheet and the textarea for the window showing `content`. Set directly, not
    // through reactive styles, so that a scroll right after sees the new height.
    let draw = move |content: &str| {
        let (Some(sheet), Some(el)) = (sheet.get_untracked(), area.get_untracked()) else {
            return;
        };
        let (window_first, outside) =
            buffer.with_value(|b| (b.window.first, b.starts.len() - b.window.lines()));
        let lines = tw::line_count(content);
        let px = |lines: usize| format!("{}px", lines as i32 * LINE_HEIGHT);
        let padded = |lines: usize| format!("{}px", lines as i32 * LINE_HEIGHT + 2 * PADDING_TOP);
        set_style(&sheet, "padding-top", &px(window_first));
        set_style(&sheet, "height", &padded(outside + lines));
        set_style(&el, "height", &padded(lines));
        let width = format!("calc({}ch + 2rem)", tw::widest_line(content));
        set_style(&el, "width", &width);
        // Most keystrokes change no line count: then the gutter is left alone.
        for (signal, value) in [
            (first, window_first),
            (shown_lines, lines),
            (total_lines, outside + lines),
        ] {
            if signal.get_untracked() != value {
                signal.set(value);
            }
        }
    };
    // Lines in view: the first one and how many.
    let in_view = move || -> (usize, usize) {
        let Some(s) = scroller.get_untracked() else {
            return (0, 20);
        };
        if s.client_height() > 0 {
            view_height.set_value(s.client_height());
        }
        let top = ((s.scroll_top() - PADDING_TOP) / LINE_HEIGHT).max(0) as usize;
        (
            top,
            ((view_height.get_value() + LINE_HEIGHT - 1) / LINE_HEIGHT) as usize + 1,
        )
    };
    // The selection as byte offsets in the whole text.
    let selection = move |el: &web_sys::HtmlTextAreaElement| -> Option<(usize, usize)> {
        let content = el.value();
        let (s, e) = (el.selection_start().ok()??, el.selection_end().ok()??);
        let start = buffer.with_value(|b| b.window.start);
        Some((
            start + utf16_to_byte(&content, s),
            start + utf16_to_byte(&content, e),
        ))
    };
    // Splices pending edits into the text.
    let commit = move || {
        let Some(el) = area.get_untracked() else {
            return;
        };
        if buffer.with_value(|b| b.dirty) {
            let content = el.value();
            buffer.update_value(|b| b.splice(&content));
        }
    };
    let publish = move || {
        debouncer.cancel();
        pending.set(false);
        commit();
        doc.text.set(buffer.with_value(|b| b.text.clone()));
    };
    // Puts the window over the lines from `top`, with the selection `keep` (whole-text bytes).
    // A selection outside the new window is remembered and brought back at the next key.
    let show_from = move |top: usize, count: usize, keep: Option<(usize, usize)>| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        commit();
        let window = buffer.with_value(|b| tw::window_around(&b.text, &b.starts, top, count));
        buffer.update_value(|b| b.window = window);
        let content = buffer.with_value(|b| b.text[window.start..window.end].to_string());
        el.set_value(&content);
        draw(&content);
        let inside = |(s, e): (usize, usize)| s >= window.start && e <= window.end;
        // Without a selection to keep, the caret goes to the first line in view, so that
        // focusing the box does not scroll it away.
        let top_of_view = buffer.with_value(|b| b.starts[top.clamp(window.first, window.last - 1)]);
        let (s, e) = keep
            .filter(|&sel| inside(sel))
            .unwrap_or((top_of_view, top_of_view));
        let at = |x: usize| byte_to_utf16(&content, x - window.start);
        let _ = el.set_selection_range(at(s), at(e));
        detached.set_value(keep.filter(|&sel| !inside(sel)).map(|sel| (sel, at(s))));
    };
    let scroll_to_line = move |line: usize| {
        if let Some(s) = scroller.get_untracked() {
            let top = line as i32 * LINE_HEIGHT - view_height.get_value() / 2;
            s.set_scroll_top(top.max(0));
        }
    };
    // Shows the window around `sel` and selects it there.
    let reveal = move |sel: (usize, usize)| {
        let line = buffer.with_value(|b| b.line_of(sel.1));
        let (_, count) = in_view();
        show_from(line.saturating_sub(count / 2), count, Some(sel));
        scroll_to_line(line);
    };
    let schedule_publish = move || {
        // A large text reaches the results once typing pauses: parsing and evaluating it on
        // every keystroke would block typing.
        let delay = timing::delay(Deferred::Publish, buffer.with_value(|b| b.text.len()));
        pending.set(delay.is_some());
        debouncer.run(delay, publish);
    };
    // Replaces bytes `start..end` of the whole text, leaving the caret after `text`.
    let replace = move |start: usize, end: usize, text: &str| {
        all_selected.set(false);
        commit();
        buffer.update_value(|b| {
            let edited = [&b.text[..start], text, &b.text[end..]].concat();
            b.reset(edited);
        });
        let caret = start + text.len();
        reveal((caret, caret));
        schedule_publish();
    };
    let focused = move |el: &web_sys::HtmlTextAreaElement| {
        let el: &web_sys::Element = el.as_ref();
        document().active_element().is_some_and(|a| &a == el)
    };
    let on_scroll = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let (top, count) = in_view();
        let stale = buffer.with_value(|b| !tw::covers(&b.window, b.starts.len(), top, count));
        if stale {
            let keep = if focused(&el) {
                detached
                    .get_value()
                    .map(|(sel, _)| sel)
                    .or_else(|| selection(&el))
            } else {
                None
            };
            show_from(top, count, keep);
        }
    };
    let on_input = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        all_selected.set(false);
        buffer.update_value(|b| b.dirty = true);
        let whole = buffer.with_value(Buffer::is_whole);
        let len = el.text_length() as usize;
        if (whole && len > tw::WHOLE_BYTES) || len > 4 * tw::WHOLE_BYTES {
            // A large drop or programmatic fill: window it before the browser lays it out.
            let caret = selection(&el);
            commit();
            if let Some(sel) = caret {
                reveal(sel);
            }
        } else {
            draw(&el.value());
        }
        schedule_publish();
    };
    // A text replaced from outside (a sample, a shared link, the first render).
    Effect::new(move |_| {
        doc.loaded.track();
        debouncer.cancel();
        pending.set(false);
        buffer.update_value(|b| b.reset(doc.text.get_untracked()));
        if let Some(s) = scroller.get_untracked() {
            s.set_scroll_top(0);
        }
        let (_, count) = in_view();
        show_from(0, count, None);
    });

    let whole_len = move || {
        commit();
        buffer.with_value(|b| b.text.len())
    };
    // Ctrl+A in a windowed text selects all of it: copy, cut, typing and pasting then act on
    // the whole text, which the textarea does not hold.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let command = ev.ctrl_key() || ev.meta_key();
        let letter = |l: &str| command && key.eq_ignore_ascii_case(l);
        let windowed = !buffer.with_value(Buffer::is_whole);
        if letter("a") && windowed {
            ev.prevent_default();
            if let Some(el) = area.get_untracked() {
                el.select();
            }
            all_selected.set(true);
            return;
        }
        // Ctrl+Home and Ctrl+End go to the text's ends, not the window's.
        if command && !ev.shift_key() && windowed && matches!(key.as_str(), "Home" | "End") {
            ev.prevent_default();
            all_selected.set(false);
            let at = if key == "Home" { 0 } else { whole_len() };
            reveal((at, at));
            return;
        }
        let modifier = matches!(key.as_str(), "Control" | "Meta" | "Shift" | "Alt");
        // Keys that act on the selection keep it whole (the input and clipboard handlers do the
        // work); arrows, Home, Escape… make it the box's own again.
        let acts_on_selection = (key.chars().count() == 1 && !command)
            || modifier
            || matches!(key.as_str(), "Backspace" | "Delete" | "Enter")
            || letter("c")
            || letter("x")
            || letter("v");
        if !acts_on_selection {
            all_selected.set(false);
        }
        // The caret was scrolled out of the window: bring it back before the key acts, unless
        // it has been moved since.
        if !modifier && !all_selected.get_untracked() {
            if let (Some((sel, placeholder)), Some(el)) =
                (detached.get_value(), area.get_untracked())
            {
                detached.set_value(None);
                if el.selection_start().ok().flatten() == Some(placeholder) {
                    reveal(sel);
                }
            }
        }
    };
    let on_copy = move |ev: web_sys::ClipboardEvent| {
        if !all_selected.get_untracked() {
            return;
        }
        if let Some(data) = ev.clipboard_data() {
            commit();
            let _ = buffer.with_value(|b| data.set_data("text/plain", &b.text));
            ev.prevent_default();
        }
    };
    let on_cut = move |ev: web_sys::ClipboardEvent| {
        if all_selected.get_untracked() {
            on_copy(ev);
            replace(0, whole_len(), "");
        }
    };
    // A large paste is spliced in here: in the textarea, the browser would lay all of it out.
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        let range = if all_selected.get_untracked() {
            Some((0, whole_len()))
        } else if text.len() > tw::WHOLE_BYTES / 2 {
            commit();
            selection(&el)
        } else {
            None
        };
        if let Some((start, end)) = range {
            ev.prevent_default();
            replace(start, end, &text);
        }
    };
    let on_beforeinput = move |ev: web_sys::InputEvent| {
        if !all_selected.get_untracked() {
            return;
        }
        ev.prevent_default();
        let end = whole_len();
        match ev.input_type().as_str() {
            "insertText" | "insertReplacementText" => {
                replace(0, end, &ev.data().unwrap_or_default())
            }
            "insertLineBreak" | "insertParagraph" => replace(0, end, "\n"),
            t if t.starts_with("delete") => replace(0, end, ""),
            _ => {}
        }
    };

    let go_to_error = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        // Edits still waiting for the pause are read first, so the error is the text's own.
        publish();
        let Some(e) = error.get_untracked() else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
        reveal((e.offset, e.offset));
    };
    let gutter = move || {
        let first = first.get();
        (first + 1..=first + shown_lines.get())
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let error_mark = move || {
        let line = error.with(|e| e.as_ref().map(|e| e.line))?;
        let first = first.get();
        (line > first && line <= first + shown_lines.get()).then(|| {
            let top = PADDING_TOP + (line - first - 1) as i32 * LINE_HEIGHT;
            view! { <span class="err-line" style:top=format!("{top}px")>{line}</span> }
        })
    };
    let windowed_note = move || {
        let (first, shown, total) = (first.get(), shown_lines.get(), total_lines.get());
        (shown < total).then(|| {
            let text = if all_selected.get() {
                format!("All {total} lines selected: copy, cut, type or paste to replace them.")
            } else {
                format!(
                    "Long text: the box holds lines {}–{} of {total} around the view; Ctrl+A selects all of it.",
                    first + 1,
                    first + shown
                )
            };
            view! { <p class="hint" data-testid=format!("{id}-window")>{text}</p> }
        })
    };
    let error_id = format!("{id}-error");

    view! {
        <div class="json-editor" class:has-error=move || error.with(Option::is_some)>
            <div class="json-scroll" node_ref=scroller on:scroll=on_scroll>
                <div class="json-sheet" node_ref=sheet>
                    <div class="gutter" aria-hidden="true">
                        <div class="gutter-lines">{gutter}</div>
                        {error_mark}
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
                        on:input=on_input
                        on:keydown=on_keydown
                        on:copy=on_copy
                        on:cut=on_cut
                        on:paste=on_paste
                        on:beforeinput=on_beforeinput
                        on:blur=move |_| all_selected.set(false)
                        on:mousedown=move |_| {
                            all_selected.set(false);
                            detached.set_value(None);
                        }
                    ></textarea>
                </div>
            </div>
        </div>
        <div id=error_id class="json-status" role="status" data-testid=format!("{id}-status")>
            {windowed_note}
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
