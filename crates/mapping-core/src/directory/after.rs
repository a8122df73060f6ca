//! A mapping change about to be saved: for one user, the attributes whose value changes between
//! the current and the new mapping set, and the PATCH Entra sends on the next cycle.

use crate::expr::EvalContext;
use crate::finding::Finding;
use crate::provision::rows::{evaluate_compiled, Operation, RowResult, RowValue};
use crate::provision::{update, CompiledSet, ProvisionedUsers};
use crate::scim::patch::{patch_body, Change, Dialect};
use crate::source::SourceAttributes;
use serde_json::Value as Json;

/// The changes and the PATCH body (`None` when nothing changes), and the findings of the new
/// rows' wire values.
pub fn after_change(
    current: &CompiledSet,
    next: &CompiledSet,
    attributes: &SourceAttributes,
    ctx: &EvalContext,
    provisioned: &ProvisionedUsers,
    dialect: Dialect,
) -> (Vec<Change>, Option<Json>, Vec<Finding>) {
    let before = evaluate_compiled(current, attributes, ctx, Operation::Update);
    let after = evaluate_compiled(next, attributes, ctx, Operation::Update);
    let before = aligned(before, &after);
    let mut findings = Vec::new();
    let changes = update::changes(&before, &after, provisioned, &mut findings);
    let body = patch_body(&changes, dialect);
    (changes, body, findings)
}

/// The `before` rows reordered to line up with `after` by target path; a target the current set
/// does not write becomes a row that did not apply.
fn aligned(before: Vec<RowResult>, after: &[RowResult]) -> Vec<RowResult> {
    let mut slots: Vec<Option<RowResult>> = before.into_iter().map(Some).collect();
    after
        .iter()
        .map(|a| {
            let key = a.target.as_ref().ok().map(|p| p.key());
            let found = slots.iter_mut().find(|s| {
                s.as_ref()
                    .is_some_and(|b| b.target.as_ref().ok().map(|p| p.key()) == key)
            });
            found.and_then(Option::take).unwrap_or_else(|| RowResult {
                index: a.index,
                target: a.target.clone(),
                value: RowValue::NotApplied,
                evaluation: None,
                diagnostics: Vec::new(),
                default_used: false,
                role_function: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::model::AttributeMapping;
    use crate::mapping::presets;

    #[test]
    fn a_changed_row_patches_only_that_attribute() {
        let current = presets::genesys_default();
        let mut next = current.clone();
        let title = next
            .mappings
            .iter_mut()
            .find(|m| m.target == "title")
            .unwrap();
        *title = AttributeMapping::expression("title", "Join(\" - \", [jobTitle], [department])");
        let mut a = SourceAttributes::new();
        a.set_str("jobTitle", "Agent");
        a.set_str("department", "Support");
        a.set_str("userPrincipalName", "a@x");
        let (current, next) = (CompiledSet::new(current), CompiledSet::new(next));
        let (changes, body, _) = after_change(
            &current,
            &next,
            &a,
            &EvalContext::default(),
            &ProvisionedUsers::new(),
            Dialect::Default,
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].path.to_patch_path(), "title");
        assert_eq!(body.unwrap()["Operations"][0]["value"], "Agent - Support");
        let (none, body, _) = after_change(
            &current,
            &current,
            &a,
            &EvalContext::default(),
            &ProvisionedUsers::new(),
            Dialect::Default,
        );
        assert!(none.is_empty() && body.is_none());
    }
}
