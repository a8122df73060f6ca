//! The progress line while a run reads its files, how often the worker reports it, and how long
//! the finished run took.

use super::protocol::Progress;

/// The worker reports progress at most this often (milliseconds).
pub const INTERVAL_MS: f64 = 50.0;

/// Whether a progress message is due at `now`, the last one sent at `last`.
pub fn due(last: Option<f64>, now: f64) -> bool {
    last.is_none_or(|l| now - l >= INTERVAL_MS)
}

/// `12,345 users · 34.5 of 120.0 MB (28 %) · users.json`
pub fn text(p: &Progress) -> String {
    let mut out = format!("{} users", thousands(p.users));
    if let Some(percent) = (p.bytes.min(p.total_bytes) * 100).checked_div(p.total_bytes) {
        out.push_str(&format!(
            " · {} of {} MB ({percent} %)",
            megabytes(p.bytes),
            megabytes(p.total_bytes)
        ));
    }
    if !p.file.is_empty() {
        out.push_str(" · ");
        out.push_str(&p.file);
    }
    out
}

/// ` · checked in 3.4 s by 2 workers` after a run of `millis` milliseconds, its users prepared
/// by `workers` workers (1: the worker alone, not mentioned).
pub fn timing(millis: f64, workers: usize) -> String {
    let mut out = format!(" · checked in {:.1} s", millis / 1000.0);
    if workers > 1 {
        out.push_str(&format!(" by {workers} workers"));
    }
    out
}

/// The share done, 0.0 to 1.0, for a progress bar.
pub fn fraction(p: &Progress) -> f64 {
    if p.total_bytes == 0 {
        0.0
    } else {
        (p.bytes as f64 / p.total_bytes as f64).clamp(0.0, 1.0)
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_users_bytes_and_file() {
        let p = Progress {
            users: 12_345,
            bytes: 34_500_000,
            total_bytes: 120_000_000,
            file: "users.json".into(),
        };
        assert_eq!(
            text(&p),
            "12,345 users · 34.5 of 120.0 MB (28 %) · users.json"
        );
        assert!((fraction(&p) - 0.2875).abs() < 1e-9);
        assert_eq!(text(&Progress::default()), "0 users");
        assert_eq!(fraction(&Progress::default()), 0.0);
    }

    #[test]
    fn the_timing_names_the_workers_when_there_were_several() {
        assert_eq!(timing(3449.0, 2), " · checked in 3.4 s by 2 workers");
        assert_eq!(timing(7000.0, 1), " · checked in 7.0 s");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn progress_is_due_every_fifty_milliseconds() {
        assert!(due(None, 0.0));
        assert!(!due(Some(100.0), 149.0));
        assert!(due(Some(100.0), 150.0));
    }
}
