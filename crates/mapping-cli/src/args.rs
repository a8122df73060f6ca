//! Argument groups shared by several commands (flattened into their clap structs).

use crate::inputs;
use mapping_core::expr::EvalContext;
use mapping_core::mapping::model::MappingSet;

/// `--mappings`, for `preview`, `patch`, `lint` and `schema export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct MappingsArg {
    /// A preset (genesys-default, genesys-teams) or a file (`-` for standard input): Graph
    /// synchronization schema JSON, an attributeMappings array, or a mapping set saved by
    /// `schema import --json`. Default: genesys-default.
    #[arg(long, value_name = "PRESET|FILE")]
    pub mappings: Option<String>,
}

impl MappingsArg {
    /// Reads the mapping set.
    pub fn read(&self) -> Result<MappingSet, String> {
        inputs::mappings(self.mappings.as_deref())
    }

    /// How messages name it: the preset, the file, or `<stdin>`.
    pub fn name(&self) -> String {
        inputs::mappings_name(self.mappings.as_deref())
    }
}

/// The evaluation context's tenant data, for `eval`, `preview`, `patch` and `lint`.

#[derive(clap::Args, Debug, Clone, Default)]
pub struct TenantArgs {
    /// The tenant's default verified domain, the value of DefaultDomain() (e.g. contoso.com).
    /// Without it, DefaultDomain() is an error, as in a tenant that has no verified domain.
    #[arg(long, value_name = "DOMAIN", value_parser = parse_domain)]
    pub default_domain: Option<String>,
}

impl TenantArgs {
    /// Sets what these options decide in `ctx`.
    pub fn apply(&self, ctx: &mut EvalContext) {
        ctx.default_domain = self.default_domain.clone();
    }
}

/// A domain name: not empty, no spaces, no `@` (a domain, not an address).
fn parse_domain(text: &str) -> Result<String, String> {
    let domain = text.trim();
    if domain.is_empty() {
        return Err("the domain is empty".into());
    }
    if domain.contains(char::is_whitespace) || domain.contains('@') {
        return Err(format!(
            "{domain:?} is not a domain name (e.g. contoso.com)"
        ));
    }
    Ok(domain.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_checked_and_applied() {
        assert_eq!(parse_domain(" contoso.com ").unwrap(), "contoso.com");
        for bad in ["", "  ", "a b.com", "user@contoso.com"] {
            assert!(parse_domain(bad).is_err(), "{bad:?}");
        }
        let mut ctx = EvalContext::default();
        TenantArgs {
            default_domain: Some("contoso.com".into()),
        }
        .apply(&mut ctx);
        assert_eq!(ctx.default_domain.as_deref(), Some("contoso.com"));
    }
}
