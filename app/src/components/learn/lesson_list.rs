use super::Learn;
use leptos::prelude::*;

/// The lessons in order, each marked when solved, with how many are solved.
#[component]
pub fn LessonList() -> impl IntoView {
    let learn = expect_context::<Learn>();
    let items = learn.lessons.with_value(|l| {
        l.iter()
            .enumerate()
            .map(|(i, l)| (i, l.id.clone(), l.title.clone()))
            .collect::<Vec<_>>()
    });
    let total = items.len();
    let ids = learn.ids();
    let solved = move || {
        learn
            .progress
            .with(|p| p.solved_among(ids.iter().map(String::as_str)))
    };
    view! {
        <nav class="lesson-list" aria-labelledby="lessons-title">
            <h2 id="lessons-title">"Lessons"</h2>
            <p class="hint" data-testid="lesson-progress">
                {move || format!("{} of {total} solved", solved())}
            </p>
            <ol>
                {items
                    .into_iter()
                    .map(|(index, id, title)| {
                        let done = move || {
                            learn
                                .lessons
                                .with_value(|l| learn.progress.with(|p| p.is_solved(&l[index].id)))
                        };
                        let open_id = id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="lesson-item"
                                    data-testid="lesson-item"
                                    data-lesson=id
                                    aria-current=move || (learn.open.get() == Some(index)).then_some("true")
                                    on:click=move |_| {
                                        learn.open_lesson(&open_id);
                                    }
                                >
                                    <span class="lesson-title">{title}</span>
                                    <span class="solved-mark" data-testid="solved-mark" aria-label=move || done().then_some("solved")>
                                        {move || if done() { "✓" } else { "" }}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
