use super::lesson_list::LessonList;
use super::lesson_panel::LessonPanel;
use super::Learn;
use crate::components::layout::SetupPane;
use crate::components::results::ResultsPane;
use leptos::prelude::*;

/// Learn mode: the lessons beside the open one, and below it the playground's editors and
/// results holding the lesson's setup.
#[component]
pub fn LearnView() -> impl IntoView {
    let learn = expect_context::<Learn>();
    // The page's own signal, not a memo of this view: leaving Learn closes the lesson as this
    // view goes away, and what is queued then must still find it.
    let open = learn.open;
    view! {
        <div class="learn" data-testid="learn">
            <LessonList />
            {move || match open.get() {
                Some(index) => view! { <LessonPanel index=index /> }.into_any(),
                None => view! {
                    <section class="lesson-panel intro">
                        <h2>"Learn before you switch provisioning on"</h2>
                        <p>"Each lesson is a short, realistic situation. Its setup opens in the playground's own editors below the lesson; change it until the check passes. Hints come one at a time, and once solved the lesson explains why, with its source."</p>
                        <p>"Pick a lesson from the list. Your progress stays in this browser; your own playground setup is put aside while a lesson is open and comes back when you leave."</p>
                    </section>
                }
                .into_any(),
            }}
        </div>
        <Show when=move || open.get().is_some()>
            <main class="workspace">
                <SetupPane />
                <ResultsPane />
            </main>
        </Show>
    }
}
