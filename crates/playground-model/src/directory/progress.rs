//! The progress line while a run reads its files, and how often the worker reports it.

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
