//! Component tests in headless Chromium: `cargo test -p app --target wasm32-unknown-unknown`
//! (wasm-bindgen-test-runner with chromedriver, configured in `.cargo/config.toml` and
//! `webdriver.json`). They mount the real `App` and drive it through DOM events.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element; returns the element (the mount is leaked on purpose:
/// each test's DOM is looked up inside its own host).
fn mount() -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), app::App);
    handle.forget();
    host
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

/// Types `value` into a textarea the way a browser reports it: set the value, fire `input`.
async fn type_into(host: &HtmlElement, selector: &str, value: &str) {
    let area: HtmlTextAreaElement = find(host, selector);
    area.set_value(value);
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn starts_with_the_sample_and_a_value() {
    let host = mount();
    leptos::task::tick().await;
    assert_eq!(text(&host, "#result-value"), "+13178723000");
    let expr: HtmlTextAreaElement = find(&host, "#expr");
    assert_eq!(expr.value(), "StripSpaces([telephoneNumber])");
    assert!(text(&host, "#trace").contains("[telephoneNumber]"));
}

#[wasm_bindgen_test]
async fn typing_recomputes_and_keeps_the_text() {
    let host = mount();
    type_into(&host, "#expr", "Append([mail], \".test\")").await;
    assert_eq!(
        text(&host, "#result-value"),
        "ada.lovelace@contoso.com.test"
    );
    let expr: HtmlTextAreaElement = find(&host, "#expr");
    assert_eq!(expr.value(), "Append([mail], \".test\")");
}

#[wasm_bindgen_test]
async fn errors_are_positioned_and_marked_as_text() {
    let host = mount();
    type_into(&host, "#expr", "Join(\",\", <b>x</b>)").await;
    let diagnostics: HtmlElement = find(&host, "#diagnostics");
    let message = diagnostics.text_content().unwrap_or_default();
    assert!(message.contains("1:"), "{message}");
    assert!(diagnostics.query_selector("mark").unwrap().is_some());
    // The markup stayed text.
    assert!(diagnostics.query_selector("b").unwrap().is_none());
    assert_eq!(
        find::<HtmlElement>(&host, "#result-value").get_attribute("data-outcome"),
        Some("not-evaluated".into())
    );
}

#[wasm_bindgen_test]
async fn bad_json_is_reported_and_recovering_evaluates_again() {
    let host = mount();
    type_into(&host, "#expr", "Not([IsSoftDeleted])").await;
    assert_eq!(text(&host, "#result-value"), "True");
    type_into(&host, "#user", "{\"IsSoftDeleted\": \"True\",}").await;
    assert!(text(&host, "#user-error").contains("not valid JSON"));
    type_into(&host, "#user", "{\"IsSoftDeleted\": \"True\"}").await;
    assert_eq!(text(&host, "#user-error"), "");
    assert_eq!(text(&host, "#result-value"), "False");
}

#[wasm_bindgen_test]
async fn choosing_an_example_loads_it() {
    let host = mount();
    let select: HtmlSelectElement = find(&host, "#examples");
    select.set_value("0");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let expr: HtmlTextAreaElement = find(&host, "#expr");
    assert_eq!(expr.value(), "Not([IsSoftDeleted])");
    assert_eq!(text(&host, "#result-value"), "True");
}
