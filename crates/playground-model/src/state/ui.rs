//! The page's choices as types: which tab is open, the colour theme, how serious a notice is.
//! Each is saved under the same lower-case name the page has always used.

use serde::{Deserialize, Serialize};

/// A value shown as one of a fixed set of choices (a tab, an `<option>`): its name in the
/// markup and the saved state, and every choice in order.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every choice, in display order.
    const ALL: &'static [Self];
    /// The name in the markup (`id`s, `value`s) and the saved state.
    fn name(self) -> &'static str;
    /// The choice with `name`, if there is one.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

choice! {
    /// What the page is for right now, chosen in the header: the playground (the default), the
    /// go-live check over a directory, the lessons, or the connection steps.
    Mode {
        /// Design and test mappings, one user at a time (the default).
        Playground = "playground",
        /// The go-live check over a whole directory export, in a Web Worker.
        Directory = "directory",
        /// Lessons that train admins, checked by the core.
        Learn = "learn",
        /// The token request and Test Connection, offline.
        Connect = "connect",
    }
}

choice! {
    /// The tabs of the setup pane.
    SetupTab {
        /// The mapping rows.
        Mappings = "mappings",
        /// The user, as Graph JSON or flat attributes.
        User = "user",
        /// The user before a change (for the update preview).
        Before = "before",
        /// Graph synchronization schema import and export.
        Schema = "schema",
        /// Region, groups, provisioned users, theme.
        Options = "options",
    }
}

choice! {
    /// The tabs of the results pane.
    ResultsTab {
        /// The requests Entra sends.
        Requests = "requests",
        /// The update (PATCH) from the "before" user.
        Update = "update",
        /// Phone values and what Genesys does with them.
        Phones = "phones",
        /// Findings, errors first.
        Problems = "problems",
        /// One row's evaluation, step by step.
        Trace = "trace",
    }
}

// The `choice!` macro derives no `Default`: the playground is the default view.
#[allow(clippy::derivable_impls)]
impl Default for Mode {
    fn default() -> Self {
        Mode::Playground
    }
}

impl Mode {
    /// The label of the header's button.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Playground => "Playground: one user",
            Mode::Directory => "Directory: go-live check",
            Mode::Learn => "Learn",
            Mode::Connect => "Connect",
        }
    }
}

choice! {
    /// The colour theme.
    Theme {
        /// Follow the system's setting.
        Auto = "auto",
        /// Always light.
        Light = "light",
        /// Always dark.
        Dark = "dark",
    }
}

impl Theme {
    /// The root element's `data-theme`: none when the page follows the system.
    pub fn data_theme(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            other => Some(other.name()),
        }
    }
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something that happened as asked (a link opened, a reset).
    Info,
    /// Something that went wrong (a damaged link, storage full).
    Error,
}

/// A message in the notice bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique for the page's life (the keyed list and dismissing use it).
    pub id: u64,
    /// How the message is shown (information, warning, error).
    pub level: NoticeLevel,
    /// The message.
    pub text: String,
}

/// The notice bar's messages: a repeated text replaces its older copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notices {
    /// The messages, oldest first.
    pub list: Vec<Notice>,
}

impl Notices {
    /// Adds a notice with a fresh `id`, dropping an older one with the same text.
    pub fn push(&mut self, id: u64, level: NoticeLevel, text: String) {
        self.list.retain(|n| n.text != text);
        self.list.push(Notice { id, level, text });
    }

    /// Removes the notice with `id`.
    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|n| n.id != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<C: Choice>() -> Vec<&'static str> {
        C::ALL.iter().map(|c| c.name()).collect()
    }

    #[test]
    fn choices_keep_the_names_the_page_saved_before() {
        assert_eq!(
            names::<SetupTab>(),
            ["mappings", "user", "before", "schema", "options"]
        );
        assert_eq!(
            names::<ResultsTab>(),
            ["requests", "update", "phones", "problems", "trace"]
        );
        assert_eq!(names::<Theme>(), ["auto", "light", "dark"]);
        assert_eq!(
            names::<Mode>(),
            ["playground", "directory", "learn", "connect"]
        );
        assert_eq!(Mode::default(), Mode::Playground);
        for t in Theme::ALL {
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.name()));
            assert_eq!(serde_json::from_str::<Theme>(&json).unwrap(), *t);
            assert_eq!(Theme::from_name(t.name()), Some(*t));
        }
        assert_eq!(ResultsTab::from_name("nope"), None);
    }

    #[test]
    fn only_a_chosen_theme_sets_data_theme() {
        assert_eq!(Theme::Auto.data_theme(), None);
        assert_eq!(Theme::Dark.data_theme(), Some("dark"));
    }

    #[test]
    fn notices_replace_a_repeated_text_and_dismiss_by_id() {
        let mut n = Notices::default();
        n.push(1, NoticeLevel::Error, "x".into());
        n.push(2, NoticeLevel::Error, "x".into());
        n.push(3, NoticeLevel::Info, "y".into());
        let ids: Vec<u64> = n.list.iter().map(|x| x.id).collect();
        assert_eq!(ids, [2, 3]);
        n.dismiss(2);
        assert_eq!(n.list[0].text, "y");
        assert_eq!(n.list[0].level, NoticeLevel::Info);
    }
}
