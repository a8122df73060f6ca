//! The playground's entry point: it only mounts the app (components live in the library).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
