use super::SuggestionList;
use crate::derived::Derived;
use crate::dom::{caret_point, refuse_long_paste, replace_spans};
use leptos::html::{Div, Pre, Span, Textarea};
use leptos::prelude::*;
use mapping_core::expr::MAX_LENGTH;
use playground_model::editor::autocomplete::{Autocomplete, Command, Input};
use playground_model::editor::Key;
use playground_model::view::highlight;
use playground_model::view::text::{byte_to_utf16, line_col, utf16_to_byte};
use web_sys::KeyboardEvent;

/// Pastes longer than this many characters (twice what Entra accepts) are refused.
const PASTE_LIMIT: usize = 2 * MAX_LENGTH;

/// The suggestion list's width in pixels (`.suggestions-at` in the CSS).
const SUGGESTIONS_WIDTH: i32 = 360;

/// The first error of an expression: byte span, position and message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct EditorError {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    message: String,
    help: Option<String>,
}

fn first_error(text: &str) -> Option<EditorError> {
    let diagnostics = mapping_core::compile(text).err()?;
    let d = diagnostics.into_iter().next()?;
    let (line, column) = line_col(text, d.span.start);
    Some(EditorError {
        start: d.span.start,
        end: d.span.end,
        line,
        column,
        message: d.message,
        help: d.help,
    })
}

/// An expression box: syntax colouring (a transparent textarea over a `<pre>` of token spans
/// with the same font and box), the first error underlined with its message, and autocomplete
/// (functions with signature and help, the user's attributes after `[`) in a listbox driven by
/// arrows, Enter/Tab and Escape; Ctrl+Space opens it.
#[component]
pub fn ExpressionEditor(
    /// The textarea's DOM id.
    id: String,
    value: RwSignal<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let derived = expect_context::<Derived>();
    let area = NodeRef::<Textarea>::new();
    let pre = NodeRef::<Pre>::new();
    let pieces = NodeRef::<Span>::new();
    let host = NodeRef::<Div>::new();
    // Where the suggestion list opens: under the caret (left, top in px from the editor box).
    let list_at = RwSignal::new(None::<(i32, i32)>);
    let error = Memo::new(move |_| value.with(|t| first_error(t)));

    // The autocomplete is the model's state machine; the list renders from it.
    let autocomplete = RwSignal::new(Autocomplete::default());
    let open = Memo::new(move |_| autocomplete.with(Autocomplete::is_open));
    let items = Signal::derive(move || autocomplete.with(|a| a.items().to_vec()));
    let active = Signal::derive(move || autocomplete.with(Autocomplete::active));

    // Puts the suggestion list under the caret (UTF-16 offset `at`), measured on the coloured
    // copy of the text once it shows this keystroke. The list may reach past the box to the
    // right, not past the window.
    let place_list = move |at: u32| {
        request_animation_frame(move || {
            let (Some(p), Some(h)) = (pre.get_untracked(), host.get_untracked()) else {
                return;
            };
            let viewport = window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(0.0) as i32;
            let room = viewport - 8 - h.get_bounding_client_rect().left() as i32;
            list_at.set(
                caret_point(&p, &h, at)
                    .map(|(x, y)| (x.clamp(0, (room - SUGGESTIONS_WIDTH).max(0)), y + 2)),
            );
        });
    };
    // Applies the autocomplete's commands; `ev` is the key they answer.
    let apply = move |commands: Vec<Command>, ev: Option<&KeyboardEvent>| {
        for command in commands {
            match command {
                Command::Consume => {
                    if let Some(ev) = ev {
                        ev.prevent_default();
                        ev.stop_propagation();
                    }
                }
                Command::PlaceList(caret) => {
                    let text = value.get_untracked();
                    place_list(byte_to_utf16(&text, caret));
                }
                Command::Replace { text, caret } => {
                    if let Some(el) = area.get_untracked() {
                        el.set_value(&text);
                        let at = byte_to_utf16(&text, caret);
                        let _ = el.set_selection_range(at, at);
                    }
                    value.set(text);
                }
            }
        }
    };
    // Runs one autocomplete event with the box's text, caret and the user's attribute names.
    let handle = move |ev: Option<&KeyboardEvent>,
                       event: &dyn Fn(&mut Autocomplete, Input) -> Vec<Command>| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let text = el.value();
        let caret = utf16_to_byte(&text, el.selection_start().ok().flatten().unwrap_or(0));
        let commands = derived.attribute_names.with_untracked(|names| {
            let input = Input {
                text: &text,
                caret,
                names,
            };
            autocomplete
                .try_update(|a| event(a, input))
                .unwrap_or_default()
        });
        apply(commands, ev);
    };
    let close = move || autocomplete.update(Autocomplete::on_leave);
    let on_pick = Callback::new(move |i: usize| {
        let text = area
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_default();
        let commands = autocomplete
            .try_update(|a| a.on_pick(i, &text))
            .unwrap_or_default();
        apply(commands, None);
    });
    let keydown = move |ev: KeyboardEvent| {
        let key = Key {
            key: ev.key(),
            ctrl: ev.ctrl_key(),
            meta: ev.meta_key(),
            shift: ev.shift_key(),
        };
        handle(Some(&ev), &move |a, input| a.on_key(&key, input));
    };
    let sync_scroll = move || {
        if let (Some(a), Some(p)) = (area.get_untracked(), pre.get_untracked()) {
            p.set_scroll_top(a.scroll_top());
            p.set_scroll_left(a.scroll_left());
        }
    };

    // A paste far past Entra's limit (a file pasted by mistake) is refused, not let in: the box
    // keeps what was typed and the page stays fast.
    let refused = RwSignal::new(None::<usize>);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        if let Some(n) = refuse_long_paste(&ev, PASTE_LIMIT) {
            refused.set(Some(n));
        }
    };

    let list_id = format!("{id}-list");
    let message_id = format!("{id}-msg");
    let active_id = {
        let list_id = list_id.clone();
        move || open.get().then(|| format!("{list_id}-{}", active.get()))
    };
    // The coloured copy of the text is patched where it changed, not redrawn: a long expression
    // is thousands of pieces and a keystroke changes one or two.
    let shown = StoredValue::new(Vec::<highlight::Segment>::new());
    Effect::new(move |_| {
        let span = error.with(|e| e.as_ref().map(|e| (e.start, e.end)));
        let next = value.with(|t| highlight::segments(t, span));
        let Some(pieces) = pieces.get() else {
            return;
        };
        shown.update_value(|old| {
            let (start, old_end, new_end) = highlight::changed(old, &next);
            let changed = next[start..new_end]
                .iter()
                .map(|s| (s.classes(), s.text.as_str()));
            replace_spans(&pieces, start, old_end, changed);
            *old = next;
        });
    });
    let length = move || value.with(|t| t.chars().count());
    let too_long = move || length() > MAX_LENGTH;

    view! {
        <div class="editor" class:has-error=move || error.with(Option::is_some) node_ref=host>
            <div class="editor-stack">
                <pre class="editor-highlight" aria-hidden="true" node_ref=pre>
                    <span node_ref=pieces></span>
                    // A trailing newline in a textarea makes a line; in a <pre> it needs content.
                    " "
                </pre>
                <textarea
                    id=id.clone()
                    class="editor-input"
                    node_ref=area
                    rows="1"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    aria-label=move || label.get()
                    aria-autocomplete="list"
                    aria-controls=list_id.clone()
                    aria-activedescendant=active_id
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=message_id.clone()
                    prop:value=move || value.get()
                    on:input:target=move |ev| {
                        refused.set(None);
                        value.set(ev.target().value());
                        handle(None, &|a, input| a.on_input(input));
                    }
                    on:paste=on_paste
                    on:keydown=keydown
                    on:blur=move |_| close()
                    on:click=move |_| close()
                    on:scroll=move |_| sync_scroll()
                ></textarea>
            </div>
            <Show when=move || open.get()>
                <div
                    class="suggestions-at"
                    style:left=move || list_at.get().map(|(x, _)| format!("{x}px"))
                    style:top=move || list_at.get().map(|(_, y)| format!("{y}px"))
                >
                    <SuggestionList id=list_id.clone() items=items active=active on_pick=on_pick />
                </div>
            </Show>
            <p class="editor-message" id=message_id.clone()>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            let position = if e.line > 1 {
                                format!("Line {}, column {}: ", e.line, e.column)
                            } else {
                                format!("Column {}: ", e.column)
                            };
                            view! {
                                <span class="editor-error" data-testid="editor-error">
                                    {position}
                                    {e.message}
                                    {e.help.map(|h| view! { <span class="help">" — " {h}</span> })}
                                </span>
                            }
                        })
                }}
                {move || {
                    refused
                        .get()
                        .map(|n| {
                            view! {
                                <span class="editor-error" data-testid="paste-refused">
                                    {format!(
                                        "Not pasted: the clipboard holds {n} characters, and an expression takes at most {MAX_LENGTH}.",
                                    )}
                                </span>
                            }
                        })
                }}
                <span class="editor-length" class:over=too_long>
                    {move || {
                        let n = length();
                        if n > MAX_LENGTH / 2 { format!("{n} / {MAX_LENGTH}") } else { String::new() }
                    }}
                </span>
            </p>
        </div>
    }
}
