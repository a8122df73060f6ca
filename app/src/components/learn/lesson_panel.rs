use super::check_report::CheckReportView;
use super::Learn;
use crate::components::common::CopyButtons;
use crate::state::Store;
use leptos::prelude::*;
use playground_model::learn::{lesson_hash, session};
use std::sync::Arc;

/// Runs `f` once the current event is handled: for buttons that replace the panel they are in
/// (the panel, and the button's handler with it, must not go away while the handler runs).
fn after_this_event(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

/// One lesson: the situation and goal, its sample users, its options, the live check, hints
/// one at a time, the explanation once solved; reset, next lesson, and the link to hand out.
#[component]
pub fn LessonPanel(index: usize) -> impl IntoView {
    let learn = expect_context::<Learn>();
    let store = expect_context::<Store>();
    let Some(lesson) = learn.lesson(index) else {
        return ().into_any();
    };
    let lesson = Arc::new(lesson);
    let id = lesson.id.clone();

    let report = learn.report;
    let hints = lesson.hints.clone();
    let total = hints.len();
    // Reads only the page's signals (Copy, no memo of its own): render effects queued before
    // this panel is replaced by the next lesson's may still run once, and must find what they
    // read.
    let shown = move || {
        learn
            .lessons
            .with_value(|l| learn.progress.with(|p| p.hints_shown(&l[index].id, total)))
    };
    let reveal = {
        let id = id.clone();
        move |_: leptos::ev::MouseEvent| {
            learn.progress.update(|p| {
                p.reveal_hint(&id, total);
            })
        }
    };

    let ids = learn.ids();
    let next = session::next_lesson(&ids.iter().map(String::as_str).collect::<Vec<_>>(), &id)
        .map(str::to_string);

    let link = {
        let location = gloo_utils::window().location();
        format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            lesson_hash(&id)
        )
    };

    let users = lesson
        .setup
        .users
        .iter()
        .map(|u| {
            let name = u.graph["displayName"].as_str().unwrap_or(&u.id).to_string();
            let lesson = lesson.clone();
            let user_id = u.id.clone();
            let show = move |_| {
                if let Some((user, before)) = session::sample_texts(&lesson, &user_id) {
                    store.user.load(user);
                    store.before.load(before);
                }
            };
            view! { <button type="button" class="small" on:click=show>{name}</button> }
        })
        .collect_view();
    let has_users = !lesson.setup.users.is_empty();

    let on_options = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Ok(options) = session::parse_options(&text) {
            store
                .settings
                .update(|s| *s = session::settings_for(&options, s));
        }
        learn.options_text.set(text);
    };
    let options_open = !lesson.solution.options.is_empty();

    view! {
        <article class="lesson-panel" data-testid="lesson" data-lesson=id.clone()>
            <header class="lesson-head">
                <h2 data-testid="lesson-title">{lesson.title.clone()}</h2>
                <div class="lesson-actions">
                    <button type="button" class="small" data-testid="lesson-reset" on:click=move |_| learn.reset()>
                        "Reset to the start"
                    </button>
                    {next.map(|next| view! {
                        <button type="button" class="small" data-testid="lesson-next" on:click=move |_| {
                            let next = next.clone();
                            after_this_event(move || {
                                learn.open_lesson(&next);
                            });
                        }>"Next lesson →"</button>
                    })}
                    <button type="button" class="small" data-testid="lesson-close" on:click=move |_| after_this_event(move || learn.close())>
                        "All lessons"
                    </button>
                </div>
            </header>
            <p class="situation">{lesson.situation.clone()}</p>
            <p class="goal" data-testid="lesson-goal"><strong>"Goal: "</strong>{lesson.goal.clone()}</p>
            {has_users.then(|| view! {
                <p class="sample-users">
                    <span class="label">"Sample users (the check uses them all); show in the User tab: "</span>
                    {users}
                </p>
            })}
            <details class="lesson-options" open=options_open>
                <summary>"Lesson options: Entra state, Genesys groups, scope, URLs (JSON)"</summary>
                <textarea
                    id="lesson-options"
                    class="code"
                    data-testid="lesson-options"
                    rows="10"
                    spellcheck="false"
                    autocomplete="off"
                    aria-label="Lesson options (JSON)"
                    prop:value=move || {
                        learn.options_loads.track();
                        learn.options_text.get_untracked()
                    }
                    on:input=on_options
                ></textarea>
            </details>
            <CheckReportView report=report />
            <section class="hints" aria-labelledby="hints-title">
                <h3 id="hints-title">"Hints"</h3>
                <ol>
                    {move || hints[..shown()]
                        .iter()
                        .map(|h| view! { <li data-testid="hint">{h.clone()}</li> })
                        .collect_view()}
                </ol>
                <button type="button" class="small" data-testid="hint-button" disabled=move || { shown() >= total } on:click=reveal>
                    {move || match shown() {
                        n if n >= total => format!("All {total} hints shown"),
                        n => format!("Show a hint ({n} of {total} shown)"),
                    }}
                </button>
            </section>
            {move || report.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(|r| {
                let explanation = r.explanation.clone()?;
                let sources = r.sources.clone();
                Some(view! {
                    <section class="explanation" data-testid="explanation">
                        <h3>"Why it works"</h3>
                        <p>{explanation}</p>
                        <h4>"Sources"</h4>
                        <ul>
                            {sources
                                .into_iter()
                                .map(|s| view! {
                                    <li>
                                        <cite>{s.title}</cite>
                                        {format!(" — {}", s.publisher)}
                                        {s.section.map(|sec| format!(", {sec}"))}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </section>
                })
            }))}
            <p class="lesson-link">
                <span class="label">"Link to this lesson: "</span>
                <code data-testid="lesson-link">{link.clone()}</code>
                <CopyButtons text=Signal::derive(move || link.clone()) what="the lesson link" filename="lesson-link.txt" mime="text/plain" />
            </p>
        </article>
    }
    .into_any()
}
