//! Learn's reactive state: the lessons (parsed once), the progress (kept in localStorage under
//! its own key), the open lesson and its options text, and the playground's own setup, put
//! aside while a lesson is open and given back when the learner leaves.

use crate::state::{persist, AppState, Mode, NoticeLevel, Store};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use mapping_core::learn::{self, check, CheckReport, Lesson};
use mapping_core::mapping::model::MappingSet;
use playground_model::learn::{lesson_in_hash, session, Progress, PROGRESS_KEY};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Learn {
    pub lessons: StoredValue<Arc<Vec<Lesson>>>,
    pub progress: RwSignal<Progress>,
    /// The open lesson's place in `lessons`.
    pub open: RwSignal<Option<usize>>,
    /// The open lesson's options, as the learner edits them.
    pub options_text: RwSignal<String>,
    /// Counts replacements of `options_text` from outside its box (open, reset).
    pub options_loads: RwSignal<u32>,
    /// The core's check of the open lesson on the current mappings and options, as they are
    /// edited (an error when the options are not valid JSON).
    pub report: Memo<Option<Result<CheckReport, String>>>,
    /// The playground's setup while a lesson is open.
    kept: StoredValue<Option<AppState>>,
    /// The page's owner: setups are loaded under it, so the signals of the rows they make
    /// belong to the page, not to the button that was clicked (a lesson's "Next" button goes
    /// away with its lesson, and would take the new rows with it).
    page: StoredValue<Option<Owner>>,
    store: Store,
}

impl Learn {
    /// Learn's state, with the saved progress; follows the mode (leaving Learn gives the
    /// playground its setup back; coming back reopens the last lesson) and saves progress.
    pub fn new(store: Store, mappings: Memo<MappingSet>) -> Self {
        let lessons = learn::all().unwrap_or_else(|e| {
            store.notify(
                NoticeLevel::Error,
                format!("The lessons could not be read: {e}"),
            );
            Vec::new()
        });
        let lessons = StoredValue::new(Arc::new(lessons));
        let saved = LocalStorage::raw().get_item(PROGRESS_KEY).ok().flatten();
        let progress = RwSignal::new(Progress::from_saved(saved.as_deref()));
        let open = RwSignal::new(None::<usize>);
        let options_text = RwSignal::new(String::new());
        // Owned by the page, not by a lesson's panel: a panel replaced by the next lesson takes
        // nothing with it that a queued effect could still read.
        let report = Memo::new(move |_| {
            let index = open.get()?;
            let set = mappings.get();
            let attempt = options_text.with(|t| session::attempt(set, t));
            lessons.with_value(|l| {
                let lesson = l.get(index)?;
                Some(attempt.map(|a| check(lesson, &a)))
            })
        });
        Effect::new(move |_| {
            let solved = report.with(|r| match r {
                Some(Ok(r)) if r.solved => Some(r.lesson.clone()),
                _ => None,
            });
            if let Some(id) = solved {
                if !progress.with_untracked(|p| p.is_solved(&id)) {
                    progress.update(|p| {
                        p.mark_solved(&id);
                    });
                }
            }
        });
        let learn = Learn {
            lessons,
            progress,
            open,
            options_text,
            options_loads: RwSignal::new(0),
            report,
            kept: StoredValue::new(None),
            page: StoredValue::new(Owner::current()),
            store,
        };
        let mode = Memo::new(move |_| store.mode().get());
        Effect::new(move |_| match mode.get() {
            Mode::Learn => {
                let resume = learn.progress.with_untracked(|p| p.current.clone());
                if learn.open.get_untracked().is_none() {
                    if let Some(id) = resume {
                        learn.open_lesson(&id);
                    }
                }
            }
            other => learn.give_back(other),
        });
        Effect::new(move |_| {
            let json = learn.progress.with(Progress::to_json);
            let _ = LocalStorage::raw().set_item(PROGRESS_KEY, &json);
        });
        learn
    }

    /// Opens the lesson a `#lesson=<id>` link names, if the address holds one.
    pub fn open_from_link(&self, hash: Option<&str>) -> bool {
        let Some(id) = hash.and_then(lesson_in_hash) else {
            return false;
        };
        persist::clear_hash();
        if !self.open_lesson(id) {
            self.store.notify(
                NoticeLevel::Error,
                format!("The link names a lesson this page does not have ({id}): pick one from the list."),
            );
            self.store.mode().set(Mode::Learn);
        }
        true
    }

    /// The lesson at `index` (a copy).
    pub fn lesson(&self, index: usize) -> Option<Lesson> {
        self.lessons.with_value(|l| l.get(index).cloned())
    }

    /// The lessons' ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.lessons
            .with_value(|l| l.iter().map(|l| l.id.clone()).collect())
    }

    /// Opens lesson `id` at its start, putting the playground's setup aside first; false when
    /// there is no such lesson.
    pub fn open_lesson(&self, id: &str) -> bool {
        let Some(index) = self
            .lessons
            .with_value(|l| l.iter().position(|l| l.id == id))
        else {
            return false;
        };
        if self.kept.with_value(Option::is_none) {
            self.kept.set_value(Some(self.store.snapshot_untracked()));
        }
        // The setup first, then the panel: a new lesson's check never sees the old setup.
        self.load_start(index);
        self.open.set(Some(index));
        self.progress.update(|p| p.current = Some(id.to_string()));
        true
    }

    /// Puts the open lesson back at its start.
    pub fn reset(&self) {
        if let Some(index) = self.open.get_untracked() {
            self.load_start(index);
        }
    }

    /// Runs `f` as the page, whatever component's event called it.
    fn as_page(&self, f: impl FnOnce()) {
        match self.page.get_value() {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }

    fn load_start(&self, index: usize) {
        let Some(lesson) = self.lesson(index) else {
            return;
        };
        match lesson.start() {
            Ok(start) => {
                let base = self.store.snapshot_untracked();
                self.store
                    .load(session::lesson_state(&lesson, &start, &base));
                self.options_text.set(session::options_text(&start.options));
                self.options_loads.update(|n| *n += 1);
            }
            Err(e) => {
                self.store.notify(NoticeLevel::Error, e);
            }
        }
    }

    /// Closes the lesson and shows the list (the playground's setup comes back).
    pub fn close(&self) {
        self.progress.update(|p| p.current = None);
        self.give_back(Mode::Learn);
    }

    /// Gives the playground its setup back (with `mode`), if a lesson had put it aside.
    fn give_back(&self, mode: Mode) {
        self.open.set(None);
        if let Some(mut kept) = self.kept.try_update_value(Option::take).flatten() {
            kept.ui.mode = mode;
            self.as_page(|| self.store.load(kept));
        }
    }

    /// A setup arrived from elsewhere (a pasted share link): it replaces the one put aside.
    pub fn forget_kept(&self) {
        self.kept.set_value(None);
        self.open.set(None);
    }

    /// What to save as the playground's setup now (never a lesson's).
    pub fn state_to_save(&self, current: AppState) -> AppState {
        self.kept
            .with_value(|kept| session::state_to_save(kept.as_ref(), current))
    }
}
