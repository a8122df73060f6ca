//! The phone region of one user: the two-letter region whose national numbers a user's phone
//! values are read in. Entra holds it as `usageLocation` (an ISO 3166-1 alpha-2 code that
//! licensing requires); `country` is free text in Graph, used only when it is itself a
//! two-letter code. The default region (an option of the preview or the check) is the fallback.

use crate::source::{SourceAttributes, SourceValue};

/// The region for this user's phone numbers: `usageLocation`, then `country`, then `default`.
/// Each must be a two-letter code to count; the result is upper-case.
pub fn phone_region(attributes: &SourceAttributes, default: Option<&str>) -> Option<String> {
    ["usageLocation", "country"]
        .iter()
        .filter_map(|name| match attributes.get(name) {
            Some(SourceValue::Single(value)) => region_code(value),
            _ => None,
        })
        .chain(default.and_then(region_code))
        .next()
}

/// `value` as an upper-case two-letter region code, if it is one.
fn region_code(value: &str) -> Option<String> {
    let value = value.trim();
    (value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| value.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(pairs: &[(&str, &str)]) -> SourceAttributes {
        let mut a = SourceAttributes::new();
        for (k, v) in pairs {
            a.set_str(*k, *v);
        }
        a
    }

    #[test]
    fn usage_location_comes_first_then_country_then_the_default() {
        let both = user(&[("usageLocation", "de"), ("country", "FR")]);
        assert_eq!(phone_region(&both, Some("US")).as_deref(), Some("DE"));
        let country = user(&[("country", "FR")]);
        assert_eq!(phone_region(&country, Some("US")).as_deref(), Some("FR"));
        assert_eq!(phone_region(&user(&[]), Some("us")).as_deref(), Some("US"));
        assert_eq!(phone_region(&user(&[]), None), None);
    }

    #[test]
    fn free_text_countries_are_not_regions() {
        let named = user(&[("country", "United States"), ("usageLocation", "")]);
        assert_eq!(phone_region(&named, Some("GB")).as_deref(), Some("GB"));
        assert_eq!(phone_region(&user(&[("usageLocation", "1A")]), None), None);
    }
}
