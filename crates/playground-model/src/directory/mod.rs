//! The Directory view's model: everything the page and its Web Worker decide about a go-live
//! check over a whole directory, with no browser in it.
//!
//! * [`protocol`]: the messages between the page and the worker (JSON text both ways; the files
//!   travel beside the text as `File` objects);
//! * [`preparers`]: the messages between the worker and the preparer workers it starts, one per
//!   core, each preparing its shard of the users;
//! * [`reassembly`]: the preparers' records back in input order;
//! * [`ordered_check`]: the check's in-order half (the core's `Checker`) with the rules for
//!   files, shared by the worker's sequential and parallel runs;
//! * [`table`]: the users table's rows and the filter, search and sort over them (run in the
//!   worker, which holds every row);
//! * [`window`]: which rows of the virtualized table are on screen, and when to ask for more;
//! * [`chart`]: bar geometry for the summary's inline SVG charts;
//! * [`progress`]: the progress line while a run reads its files;
//! * [`summary`]: the part of the core's summary the page shows, read from its JSON.

pub mod chart;
pub mod ordered_check;
pub mod preparers;
pub mod progress;
pub mod protocol;
pub mod reassembly;
pub mod summary;
pub mod table;
pub mod window;
