//! The few browser services the page uses, wrapped so components stay declarative: the
//! clipboard, Blob downloads (gloo-file), and moving the focus to a field with a span selected. None of them
//! touches the network.

use playground_model::view::text::byte_to_utf16;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Copies `text` to the clipboard; the future resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file download (a Blob URL on an `<a download>`, revoked once the download
/// has started).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_blob(
        filename,
        gloo_file::Blob::new_with_options(text, Some(mime)),
    )
}

/// Offers `blob` as a file download (e.g. a report written by the directory worker).
pub fn download_blob(filename: &str, blob: gloo_file::Blob) -> Result<(), JsValue> {
    let document = gloo_utils::document();
    let url = gloo_file::ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    gloo_utils::body().append_child(&a)?;
    a.click();
    a.remove();
    // The URL is revoked when dropped: keep it until the download has started.
    gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

/// Focuses the element with `id`, scrolls it into view and, for a text field, selects the byte
/// span `span` of its value (or puts the caret at its start).
pub fn focus_field(id: &str, span: Option<(usize, usize)>) {
    let Some(el) = leptos::prelude::document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
    let Some((start, end)) = span else {
        return;
    };
    if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        let value = area.value();
        let _ = area.set_selection_range(byte_to_utf16(&value, start), byte_to_utf16(&value, end));
    } else if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        let value = input.value();
        let _ = input.set_selection_range(byte_to_utf16(&value, start), byte_to_utf16(&value, end));
    }
}

/// Runs `f` after the next render (two animation frames: the DOM is updated and laid out).
pub fn after_render(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::request_animation_frame(f));
}

/// Sets one inline style property of `el` now, outside the reactive graph (for sizes that code
/// must read back in the same task).
pub fn set_style(el: &web_sys::HtmlElement, property: &str, value: &str) {
    let _ = web_sys::HtmlElement::style(el).set_property(property, value);
}

/// Where the character at UTF-16 offset `at` of `text_root`'s text starts, in whole pixels from
/// `host`'s top left: its left edge and the bottom of its line. For placing a popup at a caret,
/// measured on a `<pre>` that mirrors a textarea's text with the same metrics.
pub fn caret_point(
    text_root: &web_sys::Node,
    host: &web_sys::Element,
    at: u32,
) -> Option<(i32, i32)> {
    const SHOW_TEXT: u32 = 4;
    let document = leptos::prelude::document();
    let walker = document
        .create_tree_walker_with_what_to_show(text_root, SHOW_TEXT)
        .ok()?;
    let mut left = at;
    while let Some(node) = walker.next_node().ok()? {
        let len = node.dyn_ref::<web_sys::CharacterData>()?.length();
        if left <= len {
            let range = document.create_range().ok()?;
            range.set_start(&node, left).ok()?;
            range.set_end(&node, left).ok()?;
            let caret = range.get_bounding_client_rect();
            let origin = host.get_bounding_client_rect();
            return Some((
                (caret.left() - origin.left()) as i32,
                (caret.bottom() - origin.top()) as i32,
            ));
        }
        left -= len;
    }
    None
}

/// Replaces children `start..old_end` of `parent` (which holds nothing else) with one
/// `<span class=…>text</span>` per piece, leaving the other children as they are. The text is
/// set as text, never parsed as HTML.
pub fn replace_spans<'a>(
    parent: &web_sys::Element,
    start: usize,
    old_end: usize,
    pieces: impl Iterator<Item = (String, &'a str)>,
) {
    let children = parent.child_nodes();
    for _ in start..old_end {
        if let Some(child) = children.item(start as u32) {
            let _ = parent.remove_child(&child);
        }
    }
    // The list is live: this is the first child after the replaced ones, if any.
    let next = children.item(start as u32);
    let document = leptos::prelude::document();
    for (class, text) in pieces {
        if let Ok(span) = document.create_element("span") {
            span.set_class_name(&class);
            span.set_text_content(Some(text));
            let _ = parent.insert_before(&span, next.as_ref());
        }
    }
}

/// Stops a paste of more than `limit` characters (a file pasted by mistake, which would make the
/// field and every result that shows it slow) and says how long it was.
pub fn refuse_long_paste(ev: &web_sys::ClipboardEvent, limit: usize) -> Option<usize> {
    let pasted = ev
        .clipboard_data()
        .and_then(|d| d.get_data("text/plain").ok());
    let n = pasted.map_or(0, |t| t.chars().count());
    (n > limit).then(|| {
        ev.prevent_default();
        n
    })
}
