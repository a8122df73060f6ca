use crate::components::common::ExcerptView;
use crate::debounce::Debouncer;
use crate::derived::Parsed;
use crate::dom::set_style;
use crate::state::store::TextDoc;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use playground_model::editor::long_text::{Command, LongText, TextBox};
use playground_model::editor::Key;
use playground_model::timing::{self, Deferred};
use playground_model::view::text_window as tw;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// Must equal the editor's CSS line height and top padding, in pixels. Whole numbers: formatting
/// an f64 would link the float printer into the page for nothing.
const LINE_HEIGHT: i32 = 20;
const PADDING_TOP: i32 = 8;

/// The textarea and its scroller, as the model reads them.
struct Dom {
    area: HtmlTextAreaElement,
    scroller: Option<web_sys::HtmlDivElement>,
    /// The view's height in pixels (a hidden tab measures 0: the last height is kept).
    view_height: StoredValue<i32>,
}

impl TextBox for Dom {
    fn content(&self) -> String {
        self.area.value()
    }
    fn selection(&self) -> Option<(u32, u32)> {
        Some((
            self.area.selection_start().ok()??,
            self.area.selection_end().ok()??,
        ))
    }
    fn length(&self) -> usize {
        self.area.text_length() as usize
    }
    fn in_view(&self) -> (usize, usize) {
        let Some(s) = &self.scroller else {
            return (0, 20);
        };
        if s.client_height() > 0 {
            self.view_height.set_value(s.client_height());
        }
        let top = ((s.scroll_top() - PADDING_TOP) / LINE_HEIGHT).max(0) as usize;
        (
            top,
            ((self.view_height.get_value() + LINE_HEIGHT - 1) / LINE_HEIGHT) as usize + 1,
        )
    }
    fn focused(&self) -> bool {
        let el: &web_sys::Element = self.area.as_ref();
        document().active_element().is_some_and(|a| &a == el)
    }
}

fn key_of(ev: &web_sys::KeyboardEvent) -> Key {
    Key {
        key: ev.key(),
        ctrl: ev.ctrl_key(),
        meta: ev.meta_key(),
        shift: ev.shift_key(),
    }
}

/// A JSON box with line numbers and the parse error positioned. A long text (a user with
/// thousands of groups, a 5 MB paste) is held through a window of lines around the view, so
/// typing stays fast whatever its size; Ctrl+A then copies, cuts or replaces all of it. The
/// editing itself is the model's [`LongText`]: this component reads the DOM for it and applies
/// its commands.
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
    let editor = StoredValue::new(LongText::default());
    // The window's first line and length, and the text's lines, for the gutter and the note.
    let first = RwSignal::new(0usize);
    let shown_lines = RwSignal::new(1usize);
    let total_lines = RwSignal::new(1usize);
    let view_height = StoredValue::new(360i32);
    let all_selected = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let debouncer = Debouncer::new();
    let error = Memo::new(move |_| parsed.with(|p| p.error.clone()));

    let dom = move || -> Option<Dom> {
        Some(Dom {
            area: area.get_untracked()?,
            scroller: scroller.get_untracked(),
            view_height,
        })
    };
    // Sizes the sheet and the textarea for the window showing `content`. Set directly, not
    // through reactive styles, so that a scroll right after sees the new height.
    let draw = move |content: &str| {
        let (Some(sheet), Some(el)) = (sheet.get_untracked(), area.get_untracked()) else {
            return;
        };
        let (window_first, outside) = editor.with_value(|e| (e.window().first, e.lines_outside()));
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
    let publish = move || {
        debouncer.cancel();
        pending.set(false);
        if let Some(d) = dom() {
            let text = editor.try_update_value(|e| e.text(&d).to_string());
            if let Some(text) = text {
                doc.text.set(text);
            }
        }
    };
    // Applies the model's commands to the DOM; `ev` is the event they answer.
    let apply = move |commands: Vec<Command>, ev: Option<&web_sys::Event>, d: &Dom| {
        for command in commands {
            match command {
                Command::Show { content, selection } => {
                    d.area.set_value(&content);
                    draw(&content);
                    let _ = d.area.set_selection_range(selection.0, selection.1);
                }
                Command::Draw => draw(&d.area.value()),
                Command::ScrollToLine(line) => {
                    if let Some(s) = &d.scroller {
                        let top = line as i32 * LINE_HEIGHT - view_height.get_value() / 2;
                        s.set_scroll_top(top.max(0));
                    }
                }
                Command::ScrollToTop => {
                    if let Some(s) = &d.scroller {
                        s.set_scroll_top(0);
                    }
                }
                Command::SelectBox => d.area.select(),
                Command::PreventDefault => {
                    if let Some(ev) = ev {
                        ev.prevent_default();
                    }
                }
                Command::Clipboard(text) => {
                    let data = ev
                        .and_then(|e| e.dyn_ref::<web_sys::ClipboardEvent>())
                        .and_then(|e| e.clipboard_data());
                    if let Some(data) = data {
                        let _ = data.set_data("text/plain", &text);
                    }
                }
                Command::Changed => {
                    let delay = timing::delay(Deferred::Publish, editor.with_value(LongText::len));
                    pending.set(delay.is_some());
                    debouncer.run(delay, publish);
                }
            }
        }
        let all = editor.with_value(LongText::all_selected);
        if all_selected.get_untracked() != all {
            all_selected.set(all);
        }
    };
    // Runs one model event with the DOM read through `Dom`, then applies what it returns.
    let handle = move |ev: Option<&web_sys::Event>,
                       event: &dyn Fn(&mut LongText, &Dom) -> Vec<Command>| {
        let Some(d) = dom() else {
            return;
        };
        let commands = editor
            .try_update_value(|e| event(e, &d))
            .unwrap_or_default();
        apply(commands, ev, &d);
    };
    // A text replaced from outside (a sample, a shared link, the first render).
    Effect::new(move |_| {
        doc.loaded.track();
        debouncer.cancel();
        pending.set(false);
        let text = doc.text.get_untracked();
        handle(None, &move |e, d| e.on_load(text.clone(), d));
    });
    let on_scroll = move |ev: web_sys::Event| handle(Some(&ev), &|e, d| e.on_scroll(d));
    let on_input = move |ev: web_sys::Event| handle(Some(&ev), &|e, d| e.on_input(d));
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = key_of(&ev);
        handle(Some(&ev), &move |e, d| e.on_key(&key, d));
    };
    let on_copy = move |ev: web_sys::ClipboardEvent| handle(Some(&ev), &|e, d| e.on_copy(d));
    let on_cut = move |ev: web_sys::ClipboardEvent| handle(Some(&ev), &|e, d| e.on_cut(d));
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        handle(Some(&ev), &move |e, d| e.on_paste(&text, d));
    };
    let on_beforeinput = move |ev: web_sys::InputEvent| {
        let (kind, data) = (ev.input_type(), ev.data());
        handle(Some(&ev), &move |e, d| {
            e.on_before_input(&kind, data.as_deref(), d)
        });
    };
    let go_to_error = move |_| {
        // Edits still waiting for the pause are read first, so the error is the text's own.
        publish();
        let Some(e) = error.get_untracked() else {
            return;
        };
        if let Some(el) = area.get_untracked() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        handle(None, &move |m, d| m.go_to(e.offset, d));
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
                        on:blur=move |_| {
                            editor.update_value(LongText::on_blur);
                            all_selected.set(false);
                        }
                        on:mousedown=move |_| {
                            editor.update_value(LongText::on_mouse_down);
                            all_selected.set(false);
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
