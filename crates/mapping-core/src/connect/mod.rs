//! Connecting Entra to Genesys Cloud, offline: the token request of Genesys's set-up article
//! (OAuth client credentials against the region's login host) as a ready `curl` command and as
//! Postman steps; what Entra's **Test Connection** sends to the Tenant URL and what a correct
//! answer looks like; and the usual failures with how each shows.
//!
//! Nothing here sends anything: the page and the CLI only show the request. The client secret
//! is an argument, never stored by this module.

pub mod shell;

use crate::genesys::regions::{self, Region};
use base64::Engine;
use serde::Serialize;
use serde_json::{json, Value as Json};

/// The region's login host: `login.` + the domain of its API host (`api.mypurecloud.de` →
/// `login.mypurecloud.de`).
pub fn login_host(region: &Region) -> String {
    let domain = region
        .api_host
        .strip_prefix("api.")
        .unwrap_or(region.api_host);
    format!("login.{domain}")
}

/// Where the token is requested: `https://login.<domain>/oauth/token`.
pub fn token_url(region: &Region) -> String {
    format!("https://{}/oauth/token", login_host(region))
}

/// Why a client id or secret cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CredentialError {
    /// Which value: `client id` or `client secret`.
    pub field: &'static str,
    /// What is wrong: empty, longer than [`MAX_CREDENTIAL_LEN`], a control character, spaces
    /// around it, or a `:` in the client id.
    pub message: String,
}

impl std::fmt::Display for CredentialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for CredentialError {}

/// The most characters accepted in a client id or secret (Genesys's are far shorter).
pub const MAX_CREDENTIAL_LEN: usize = 512;

fn validate(field: &'static str, value: &str) -> Result<(), CredentialError> {
    let err = |message: String| Err(CredentialError { field, message });
    if value.trim().is_empty() {
        return err("is empty".into());
    }
    if value.chars().count() > MAX_CREDENTIAL_LEN {
        return err(format!("is longer than {MAX_CREDENTIAL_LEN} characters"));
    }
    if let Some((i, c)) = value.char_indices().find(|(_, c)| c.is_control()) {
        return err(format!(
            "has a control character (U+{:04X}) at byte {i}: paste it again without line breaks",
            c as u32
        ));
    }
    if value.trim() != value {
        return err("starts or ends with a space: copy it again".into());
    }
    if field == "client id" && value.contains(':') {
        return err("contains ':', which Basic authentication cannot carry in a user name".into());
    }
    Ok(())
}

/// The token request, built from the region picker and the OAuth client's id and secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    /// The Genesys Cloud region's name.
    pub region: &'static str,
    /// The token endpoint ([`token_url`]).
    pub url: String,
    /// The request as sent, the secret included (in the Authorization header).
    pub http: String,
    /// A `curl` command for a POSIX shell, every value single-quoted.
    pub curl: String,
    /// What to click in Postman.
    pub postman: Vec<String>,
    /// What comes back when it works.
    pub success_example: Json,
}

/// `Basic base64(client_id:client_secret)`.
pub fn basic_authorization(client_id: &str, client_secret: &str) -> String {
    let pair = format!("{client_id}:{client_secret}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

/// Builds the token request for `region`.
pub fn token_request(
    region: &'static Region,
    client_id: &str,
    client_secret: &str,
) -> Result<TokenRequest, CredentialError> {
    validate("client id", client_id)?;
    validate("client secret", client_secret)?;
    let url = token_url(region);
    let http = format!(
        "POST /oauth/token HTTP/1.1\nHost: {}\nAuthorization: {}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials",
        login_host(region),
        basic_authorization(client_id, client_secret)
    );
    let curl = format!(
        "curl --silent --show-error --request POST {} \\\n  --user {} \\\n  --header 'Content-Type: application/x-www-form-urlencoded' \\\n  --data 'grant_type=client_credentials'",
        shell::quote(&url),
        shell::quote(&format!("{client_id}:{client_secret}")),
    );
    Ok(TokenRequest {
        region: region.name,
        postman: postman_steps(region, client_id),
        url,
        http,
        curl,
        success_example: json!({
            "access_token": "<the token to paste into Entra's Secret Token>",
            "token_type": "bearer",
            "expires_in": 86399
        }),
    })
}

/// What to do in Postman (the secret is typed there, not shown here).
pub fn postman_steps(region: &Region, client_id: &str) -> Vec<String> {
    vec![
        "Import Genesys's \"Genesys Cloud Client Credentials\" collection (or make a new POST request).".into(),
        format!("Set the request to POST {}.", token_url(region)),
        format!("Authorization tab: type Basic Auth; Username {client_id}; Password: the client secret."),
        "Body tab: x-www-form-urlencoded, key grant_type, value client_credentials (the collection has it already).".into(),
        "Click Send: copy access_token from the response into Entra's Secret Token field.".into(),
        "Note expires_in (seconds): when the token expires, provisioning stops with 401 until you paste a new one.".into(),
    ]
}

/// One request Entra's Test Connection sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    /// The HTTP method.
    pub method: &'static str,
    /// The full URL, query included.
    pub url: String,
    /// The request headers, name and value (the token shown as a placeholder).
    pub headers: Vec<(String, String)>,
    /// What the request tests, in words.
    pub purpose: String,
    /// Whether the exact form is documented or inferred from Microsoft's general description.
    pub inferred: bool,
    /// The HTTP status of a passing answer.
    pub expected_status: u16,
    /// The body of a passing answer.
    pub expected_body: Json,
}

/// What Test Connection sends to the Tenant URL of `region`, and the answers that pass.
/// `guid` stands for the random value Entra generates.
pub fn test_connection(region: &Region, guid: &str) -> Vec<Probe> {
    let base = region.tenant_url();
    let base = base.trim_end_matches('/');
    let headers = vec![
        (
            "Authorization".to_string(),
            "Bearer <Secret Token>".to_string(),
        ),
        ("Accept".to_string(), "application/scim+json".to_string()),
    ];
    let empty = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 0,
        "startIndex": 1,
        "itemsPerPage": 0,
        "Resources": []
    });
    vec![
        Probe {
            method: "GET",
            url: format!("{base}/Users?filter=userName eq \"{guid}\""),
            headers: headers.clone(),
            purpose: "looks for a user that cannot exist (a random GUID as the matching value): the token and the endpoint work if the answer is an empty list".into(),
            inferred: false,
            expected_status: 200,
            expected_body: empty.clone(),
        },
        Probe {
            method: "GET",
            url: format!("{base}/Groups?filter=displayName eq \"{guid}\"&excludedAttributes=members"),
            headers,
            purpose: "the same for groups; Genesys needs directory:group:edit for it, so a client without group permissions fails here".into(),
            inferred: true,
            expected_status: 200,
            expected_body: empty,
        },
    ]
}

/// A usual way for the connection to fail, and how it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    /// Stable, kebab-case name (`wrong-region`).
    pub id: &'static str,
    /// The failure in a few words.
    pub title: &'static str,
    /// Which request fails: the token request or Test Connection.
    pub during: &'static str,
    /// The HTTP status of the failing answer.
    pub status: u16,
    /// What the answer looks like (the exact wording varies).
    pub body_example: Json,
    /// Why it happens.
    pub cause: String,
    /// What to change.
    pub fix: String,
}

/// The usual failures for `region`.
pub fn failures(region: &Region) -> Vec<Failure> {
    let scim_error = |status: &str, detail: &str| {
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "status": status,
            "detail": detail
        })
    };
    vec![
        Failure {
            id: "wrong-region",
            title: "Token and Tenant URL from different regions",
            during: "Test Connection",
            status: 401,
            body_example: scim_error("401", "the token is not valid here"),
            cause: format!(
                "an organization lives in one region: a token from another region's login host (or a Tenant URL of another region) is not accepted. For {} the token comes from {} and the Tenant URL is {}",
                region.name,
                token_url(region),
                region.tenant_url()
            ),
            fix: "pick the organization's region in both places (the region is in the Genesys admin URL you sign in to)".into(),
        },
        Failure {
            id: "expired-token",
            title: "The Secret Token has expired",
            during: "Test Connection, later every cycle",
            status: 401,
            body_example: scim_error("401", "the token has expired"),
            cause: "the pasted access token lives as long as the OAuth client's token duration (at most 2 days); Entra cannot renew it, so once it expires every call fails and the job goes into quarantine".into(),
            fix: "request a new token and paste it into Secret Token; set a long token duration on the OAuth client and note the expiry date".into(),
        },
        Failure {
            id: "missing-role",
            title: "The OAuth client lacks the role or a permission",
            during: "Test Connection (groups) or the first create",
            status: 403,
            body_example: scim_error("403", "missing permission, e.g. directory:group:edit"),
            cause: "the client-credentials client acts with the roles granted to it: without the SCIM integration permissions (users add/edit/delete, directory:group:edit, …) Genesys refuses the call".into(),
            fix: "grant the OAuth client a role with the SCIM permissions (Genesys's SCIM integration role, or an admin role), then request a new token".into(),
        },
        Failure {
            id: "not-client-credentials",
            title: "The OAuth client is not a client-credentials client, or the secret is wrong",
            during: "the token request",
            status: 400,
            body_example: json!({"error": "unauthorized_client", "description": "…"}),
            cause: "only a client with the Client Credentials grant type gets a token this way".into(),
            fix: "create (or pick) an OAuth client with grant type Client Credentials, copy its id and secret again".into(),
        },
        Failure {
            id: "not-found",
            title: "The Tenant URL points to the wrong path",
            during: "Test Connection",
            status: 404,
            body_example: json!({"status": 404, "message": "not found"}),
            cause: "Entra expects an empty list for an unknown user; a 404 (wrong path, missing /api/v2/scim/v2) fails Test Connection".into(),
            fix: format!("use exactly {}", region.tenant_url()),
        },
    ]
}

/// Whether `input` is the Tenant URL for `region` (with or without the trailing slash, which
/// Microsoft's tutorial leaves out); the error says what is wrong.
pub fn check_tenant_url(input: &str, region: &Region) -> Result<(), String> {
    let want = region.tenant_url();
    let (scheme, host, path) = split_url(input.trim())?;
    if scheme != "https" {
        return Err(format!("{input}: the Tenant URL must start with https://"));
    }
    if !host.eq_ignore_ascii_case(region.api_host) {
        return Err(wrong_host(input, host, region, false));
    }
    if path.trim_end_matches('/') != "/api/v2/scim/v2" {
        return Err(format!(
            "{input}: the path must be /api/v2/scim/v2/ (expected {want})"
        ));
    }
    Ok(())
}

/// Whether `input` is the token URL for `region`.
pub fn check_token_url(input: &str, region: &Region) -> Result<(), String> {
    let want = token_url(region);
    let (scheme, host, path) = split_url(input.trim())?;
    if scheme != "https" {
        return Err(format!("{input}: the token URL must start with https://"));
    }
    if !host.eq_ignore_ascii_case(&login_host(region)) {
        return Err(wrong_host(input, host, region, true));
    }
    if path.trim_end_matches('/') != "/oauth/token" {
        return Err(format!(
            "{input}: the path must be /oauth/token (expected {want})"
        ));
    }
    Ok(())
}

fn split_url(input: &str) -> Result<(&str, &str, &str), String> {
    let (scheme, rest) = input
        .split_once("://")
        .ok_or_else(|| format!("{input:?} is not a URL (https://…)"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    Ok((scheme, host, path))
}

/// Explains a host that is not the region's: another region's, or the API host where the
/// login host belongs (and the other way round).
fn wrong_host(input: &str, host: &str, region: &Region, login: bool) -> String {
    let host = host.to_ascii_lowercase();
    let domain = |h: &str| {
        h.strip_prefix("api.")
            .or_else(|| h.strip_prefix("login."))
            .map(str::to_string)
    };
    let other = regions::REGIONS
        .iter()
        .find(|r| domain(&host).as_deref() == domain(r.api_host).as_deref());
    let want = if login {
        login_host(region)
    } else {
        region.api_host.to_string()
    };
    match other {
        Some(r) if r.api_host != region.api_host => format!(
            "{input}: {host} belongs to {}, but the organization is in {} ({want})",
            r.name, region.name
        ),
        Some(_) if login => {
            format!("{input}: tokens come from the login host {want}, not the API host")
        }
        Some(_) => format!("{input}: the Tenant URL is on the API host {want}, not the login host"),
        None => format!("{input}: {host} is not a Genesys Cloud host; expected {want}"),
    }
}

#[cfg(test)]
mod tests;
