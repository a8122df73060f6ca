//! Component tests in headless Chromium: `cargo test -p app --target wasm32-unknown-unknown`
//! (wasm-bindgen-test-runner with chromedriver, configured in `.cargo/config.toml` and
//! `webdriver.json`). They mount the real page on a known state and drive it through DOM
//! events.
#![cfg(target_arch = "wasm32")]

use app::state::{AppState, Store};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the page on `state` into a fresh element; returns the element (the mount is leaked on
/// purpose: each test looks things up inside its own host).
fn mount_with(state: AppState) -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        app::app_with(Store::new(state), Vec::new())
    });
    handle.forget();
    host
}

fn mount() -> HtmlElement {
    mount_with(AppState::default())
}

fn find<T: JsCast>(host: &HtmlElement, selector: &str) -> T {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text(host: &HtmlElement, selector: &str) -> String {
    find::<HtmlElement>(host, selector)
        .text_content()
        .unwrap_or_default()
}

fn post_body(host: &HtmlElement) -> String {
    text(
        host,
        "[data-testid=requests] [data-method=POST] [data-testid=request-body]",
    )
}

/// Lets effects and the microtask queue run.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Types `value` into a text field the way a browser reports it: set the value, fire `input`.
async fn type_into(host: &HtmlElement, selector: &str, value: &str) {
    let el: HtmlElement = find(host, selector);
    if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    }
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn starts_with_the_preset_and_the_post() {
    let host = mount();
    settle().await;
    let body = post_body(&host);
    assert!(
        body.contains("\"userName\": \"priya.raman@contoso.com\""),
        "{body}"
    );
    assert_eq!(
        host.query_selector_all(".mapping-row").unwrap().length(),
        10
    );
    assert!(text(&host, "[data-testid=tenant-url]").starts_with("https://api.mypurecloud.com"));
}

#[wasm_bindgen_test]
async fn an_expression_edit_recomputes_the_row_and_the_post() {
    let host = mount();
    settle().await;
    type_into(
        &host,
        "#m8-source",
        "Join(\"\", \"tel:\", StripSpaces([telephoneNumber]))",
    )
    .await;
    assert!(post_body(&host).contains("\"value\": \"tel:+13178723000\""));
    let row = text(
        &host,
        ".mapping-row[data-row='8'] [data-testid=row-outcome]",
    );
    assert!(row.contains("tel:+13178723000"), "{row}");
    // The highlight layer carries the same text, coloured.
    let highlight = text(&host, ".mapping-row[data-row='8'] .editor-highlight");
    assert_eq!(
        highlight.trim_end(),
        "Join(\"\", \"tel:\", StripSpaces([telephoneNumber]))"
    );
    assert!(host
        .query_selector(".mapping-row[data-row='8'] .tok-attr")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn an_expression_error_is_marked_and_explained() {
    let host = mount();
    settle().await;
    type_into(&host, "#m8-source", "Jion([mail])").await;
    let message = text(
        &host,
        ".mapping-row[data-row='8'] [data-testid=editor-error]",
    );
    assert!(message.starts_with("Column 1:"), "{message}");
    assert_eq!(
        text(&host, ".mapping-row[data-row='8'] .editor-highlight .err"),
        "Jion"
    );
    let area: HtmlTextAreaElement = find(&host, "#m8-source");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn broken_user_json_is_positioned_and_the_last_good_post_stays() {
    let host = mount();
    settle().await;
    type_into(&host, "#user-json", "{\n  \"displayName\": \"X\",\n}").await;
    let position = text(&host, "[data-testid=json-error-position]");
    assert_eq!(position, "line 3, column 1");
    assert!(post_body(&host).contains("priya.raman@contoso.com"));
    assert!(host
        .query_selector("[data-testid=stale-results]")
        .unwrap()
        .is_some());
    type_into(
        &host,
        "#user-json",
        "{\"userPrincipalName\": \"a@b.c\", \"displayName\": \"A\"}",
    )
    .await;
    assert!(post_body(&host).contains("\"userName\": \"a@b.c\""));
    assert!(host
        .query_selector("[data-testid=json-error]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_lifecycle_selector_switches_the_requests() {
    let host = mount();
    settle().await;
    let radio: HtmlInputElement = find(&host, "[data-testid=lifecycle] input[value=hard-deleted]");
    radio.set_checked(true);
    radio
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert!(host
        .query_selector("[data-testid=requests] [data-method=DELETE]")
        .unwrap()
        .is_some());
    assert!(host
        .query_selector("[data-testid=requests] [data-method=POST]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn markup_stays_text() {
    let host = mount();
    settle().await;
    type_into(
        &host,
        "#m8-source",
        "Append([mail], \"<img src=x onerror=alert(1)>\")",
    )
    .await;
    type_into(&host, "#m3-target", "<b>bold</b>").await;
    assert!(post_body(&host).contains("<img src=x onerror=alert(1)>"));
    assert!(host.query_selector("img, b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn rows_are_added_moved_and_removed() {
    let host = mount();
    settle().await;
    find::<HtmlElement>(&host, "[data-testid=add-row]").click();
    settle().await;
    assert_eq!(
        host.query_selector_all(".mapping-row").unwrap().length(),
        11
    );
    find::<HtmlElement>(&host, "#m0-down").click();
    settle().await;
    let first: HtmlInputElement = find(&host, ".mapping-row[data-row='0'] .target-input");
    assert_eq!(first.value(), "active");
    find::<HtmlElement>(&host, "#m1-remove").click();
    settle().await;
    assert_eq!(
        host.query_selector_all(".mapping-row").unwrap().length(),
        10
    );
}
