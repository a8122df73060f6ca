//! A Markdown report for a change ticket. Every name and value from the directory goes through
//! [`escape`], so none can add a table cell, a link, an image, HTML or a heading.

use crate::directory::check::Outcome;
use crate::directory::summary::Summary;
use std::fmt::Write;

/// Text safe inside a Markdown paragraph, list item or table cell (never at the start of a
/// line): the characters that open emphasis, code, links, images, headings and cells are
/// backslash-escaped, `<`/`>`/`&` become entities (no HTML), line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '|' | '*' | '_' | '`' | '[' | ']' | '#' | '\\' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text as a code span in a table cell: nothing inside is markup; `|` is escaped for the table
/// (GitHub's tables take `\|` inside code too), line breaks become spaces, and the fence is one
/// backtick longer than any run of backticks inside.
pub fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

fn cell(text: &str) -> String {
    code(text)
}

/// The Markdown report for a change ticket, headed `title` (escaped like every directory value).
pub fn render(summary: &Summary, title: &str) -> String {
    let mut s = String::new();
    let ready = summary.count(Outcome::Fail) == 0 && summary.read_errors == 0;
    let _ = writeln!(s, "# Go-live check: {}\n", escape(title));
    let _ = writeln!(
        s,
        "**{}** — {}\n",
        if ready { "Ready" } else { "Not ready" },
        escape(&summary.last_line())
    );
    let _ = writeln!(s, "| Outcome | Users |\n|---|---:|");
    for o in Outcome::ALL {
        let _ = writeln!(s, "| {} | {} |", o.as_str(), summary.count(o));
    }
    if summary.read_errors > 0 {
        let _ = writeln!(s, "| unreadable records | {} |", summary.read_errors);
    }
    if !summary.findings.is_empty() {
        let _ = writeln!(s, "\n## Findings\n\n| Code | Users |\n|---|---:|");
        let mut by_count: Vec<_> = summary.findings.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1));
        for (code, n) in by_count {
            let _ = writeln!(s, "| {} | {n} |", escape(code.as_str()));
        }
    }
    if !summary.rejected_phone_formats.is_empty() {
        let _ = writeln!(s, "\n## Phone formats Genesys rejects\n\n| Format | Users | Example | Suggested expression |\n|---|---:|---|---|");
        for p in &summary.rejected_phone_formats {
            let _ = writeln!(
                s,
                "| {} | {} | {} ({}) | {} |",
                cell(&p.shape),
                p.count,
                cell(&p.example_value),
                escape(&p.example_user),
                p.suggested_expression
                    .as_deref()
                    .map(cell)
                    .unwrap_or_default()
            );
        }
    }
    if !summary.duplicate_matching_values.is_empty() {
        let _ = writeln!(s, "\n## Duplicate matching values ({} distinct)\n\n| Value | Users | Examples |\n|---|---:|---|", summary.duplicate_matching_value_count);
        for d in &summary.duplicate_matching_values {
            let users: Vec<String> = d.users.iter().map(|u| escape(u)).collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                escape(&d.value),
                d.count,
                users.join(", ")
            );
        }
    }
    if summary.managers_missing > 0 {
        let _ = writeln!(s, "\n## Managers not provisioned\n\n{} users have a manager who is neither in scope nor in Genesys; Entra sends them without a manager and does not fill it in later until a restart.\n", summary.managers_missing);
        for m in &summary.managers_missing_examples {
            let _ = writeln!(s, "- {}", escape(m));
        }
    }
    if !summary.missing_groups.is_empty() {
        let _ = writeln!(s, "\n## Groups missing in Genesys\n\n| Group | Members affected | Example |\n|---|---:|---|");
        for g in &summary.missing_groups {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                escape(&g.group),
                g.members,
                escape(&g.example_user)
            );
        }
    }
    if !summary.updated_attributes.is_empty() {
        let _ = writeln!(
            s,
            "\n## Attributes updated in Genesys\n\n| Attribute | Users |\n|---|---:|"
        );
        for (a, n) in &summary.updated_attributes {
            let _ = writeln!(s, "| {} | {n} |", escape(a));
        }
    }
    if !summary.after_mapping_patches.is_empty() {
        let _ = writeln!(s, "\n## The mapping change\n\n{} users get a PATCH on the next cycle.\n\n| Attribute | PATCHes |\n|---|---:|", summary.after_mapping_users);
        for (a, n) in &summary.after_mapping_patches {
            let _ = writeln!(s, "| {} | {n} |", escape(a));
        }
    }
    let q = &summary.quarantine;
    let _ = writeln!(
        s,
        "\n## Quarantine risk\n\n{}\n\nThis directory: {}",
        escape(q.rule),
        escape(&q.verdict)
    );
    if !summary.read_error_examples.is_empty() {
        let _ = writeln!(s, "\n## Unreadable records\n");
        for e in &summary.read_error_examples {
            let _ = writeln!(s, "- {}", escape(&e.to_string()));
        }
    }
    if !summary.notes.is_empty() {
        let _ = writeln!(s, "\n## Assumptions\n");
        for n in &summary.notes {
            let _ = writeln!(s, "- {}", escape(n));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_cannot_add_markup() {
        let hostile = "| x | <script>alert(1)</script> [click](http://evil) ![i](x) # h\n# Heading *b* _i_ `c`";
        let e = escape(hostile);
        for bad in ["<script", "[click](", "\n", "`c`", "*b*", "_i_"] {
            assert!(!e.contains(bad), "{bad:?} in {e}");
        }
        let bytes = e.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if matches!(b, b'|' | b'[' | b'#' | b'*') {
                assert_eq!(bytes[i - 1], b'\\', "unescaped {} in {e}", *b as char);
            }
        }
        assert!(e.contains("&lt;script&gt;"));
        assert_eq!(code("a|b"), "` a\\|b `");
        assert_eq!(code("x`y\nz"), "`` x`y z ``");
        assert!(e.contains("\\|"));
    }
}
