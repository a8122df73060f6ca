#![cfg(not(target_arch = "wasm32"))]
//! No input panics: arbitrary text, and arbitrary well-formed expressions over arbitrary users.

use mapping_core::expr::catalog::FUNCTIONS;
use mapping_core::expr::EvalContext;
use mapping_core::{compile, SourceAttributes};
use proptest::prelude::*;

/// Small well-formed expressions built from the real function names.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-z]{1,3}".prop_map(|n| format!("[{n}]")),
        "[ -~]{0,6}".prop_map(|s| format!("{s:?}")),
        (-20i64..20).prop_map(|n| n.to_string()),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        (
            0..FUNCTIONS.len(),
            prop::collection::vec(prop::option::of(inner), 0..5),
        )
            .prop_map(|(f, args)| {
                let args: Vec<String> = args.into_iter().map(Option::unwrap_or_default).collect();
                format!("{}({})", FUNCTIONS[f].name, args.join(", "))
            })
    })
}

fn user() -> impl Strategy<Value = SourceAttributes> {
    prop::collection::btree_map("[a-z]{1,3}", prop::option::of("[ -~]{0,8}"), 0..6).prop_map(|m| {
        let mut s = SourceAttributes::new();
        for (k, v) in m {
            match v {
                Some(v) => s.set_str(k, v),
                None => s.set(
                    k,
                    mapping_core::source::SourceValue::Multi(vec!["x".into(), "".into()]),
                ),
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        if let Ok(e) = compile(&text) {
            let _ = e.evaluate(&SourceAttributes::new(), &EvalContext::default().with_trace());
        }
    }

    #[test]
    fn arbitrary_calls_never_panic(text in expression(), source in user()) {
        if let Ok(e) = compile(&text) {
            let _ = e.evaluate(&source, &EvalContext::default().with_trace());
        }
    }

    #[test]
    fn diagnostics_point_inside_the_text(text in "[\\[\\](),\"a-zA-Z0-9 =<>&-]{0,40}") {
        if let Err(diagnostics) = compile(&text) {
            for d in diagnostics {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                let _ = d.render(&text);
            }
        }
    }
}
