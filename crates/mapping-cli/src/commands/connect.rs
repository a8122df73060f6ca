//! `scim-map connect`: the seed's first steps for a region, offline — the token request (curl,
//! Postman), the Tenant URL, what Test Connection sends and expects, and the usual failures.
//! The client secret is read from the environment (`GENESYS_CLIENT_SECRET`), never from the
//! command line, so it stays out of shell history and process lists; nothing is sent.

use mapping_core::connect;
use mapping_core::genesys::regions;
use std::process::ExitCode;

/// The environment variable holding the OAuth client's secret.
pub const SECRET_VAR: &str = "GENESYS_CLIENT_SECRET";

pub fn run(region: &str, client_id: Option<&str>, json: bool) -> ExitCode {
    let Some(region) = regions::find(region) else {
        let names: Vec<&str> = regions::REGIONS.iter().map(|r| r.name).collect();
        errln!(
            "error: no region {region:?}; the regions are {}",
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    let secret = std::env::var(SECRET_VAR).ok();
    let token = match client_id {
        Some(id) => {
            let secret = secret.as_deref().unwrap_or("<client secret>");
            match connect::token_request(region, id, secret) {
                Ok(t) => Some(t),
                Err(e) => {
                    errln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        None => None,
    };
    let probes = connect::test_connection(region, "<random GUID>");
    let failures = connect::failures(region);
    if json {
        let out = serde_json::json!({
            "region": region.name,
            "tenantUrl": region.tenant_url(),
            "tokenUrl": connect::token_url(region),
            "tokenRequest": token,
            "testConnection": probes,
            "failures": failures,
        });
        outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    outln!("Region      {}", region.name);
    outln!("Tenant URL  {}", region.tenant_url());
    outln!("Token URL   {}\n", connect::token_url(region));
    match &token {
        Some(t) => {
            if secret.is_none() {
                outln!("(set {SECRET_VAR} to put the secret into the command)");
            }
            outln!("Token request:\n{}\n\nIn Postman:", t.curl);
            for (i, step) in t.postman.iter().enumerate() {
                outln!("  {}. {step}", i + 1);
            }
        }
        None => outln!(
            "Token request: add --client-id (and set {SECRET_VAR}) for a ready curl command."
        ),
    }
    outln!("\nTest Connection sends:");
    for p in &probes {
        let note = if p.inferred { " (inferred)" } else { "" };
        outln!(
            "  {} {}{note}\n    {}; passes with {} and an empty list",
            p.method,
            p.url,
            p.purpose,
            p.expected_status
        );
    }
    outln!("\nUsual failures:");
    for f in &failures {
        outln!(
            "  {} — {} ({}): {}\n    fix: {}",
            f.status,
            f.title,
            f.during,
            f.cause,
            f.fix
        );
    }
    ExitCode::SUCCESS
}
