use super::*;

fn frankfurt() -> &'static Region {
    regions::find("Frankfurt").unwrap()
}

#[test]
fn login_host_for_every_region() {
    assert_eq!(login_host(frankfurt()), "login.mypurecloud.de");
    assert_eq!(
        token_url(regions::find("FedRAMP").unwrap()),
        "https://login.use2.us-gov-pure.cloud/oauth/token"
    );
    for r in regions::REGIONS {
        let host = login_host(r);
        assert!(
            host.starts_with("login.") && !host.contains("api."),
            "{host}"
        );
        assert_eq!(&host["login.".len()..], &r.api_host["api.".len()..]);
    }
}

#[test]
fn token_request_has_basic_auth_and_the_grant() {
    let t = token_request(frankfurt(), "client-1", "s3cret").unwrap();
    assert_eq!(t.url, "https://login.mypurecloud.de/oauth/token");
    // base64("client-1:s3cret")
    assert!(
        t.http.contains("Authorization: Basic Y2xpZW50LTE6czNjcmV0"),
        "{}",
        t.http
    );
    assert!(t.http.ends_with("\n\ngrant_type=client_credentials"));
    assert!(t
        .curl
        .contains("--request POST 'https://login.mypurecloud.de/oauth/token'"));
    assert!(t.curl.contains("--user 'client-1:s3cret'"));
    assert!(t.curl.contains("--data 'grant_type=client_credentials'"));
    assert!(t.postman.iter().any(|s| s.contains("Username client-1")));
    assert!(
        !t.postman.iter().any(|s| s.contains("s3cret")),
        "Postman steps never show the secret"
    );
}

#[cfg(unix)]
#[test]
fn hostile_secrets_stay_inside_their_quotes() {
    let secret = "x' --output /tmp/scim-map-pwned '$(id)`id`";
    let t = token_request(frankfurt(), "id", secret).unwrap();
    // Replace curl by a printer of its arguments: each must come back exactly.
    let script = t.curl.replacen("curl", "printf '%s\\n'", 1);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    let args: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        args,
        vec![
            "--silent",
            "--show-error",
            "--request",
            "POST",
            "https://login.mypurecloud.de/oauth/token",
            "--user",
            &format!("id:{secret}"),
            "--header",
            "Content-Type: application/x-www-form-urlencoded",
            "--data",
            "grant_type=client_credentials"
        ]
    );
}

#[test]
fn bad_credentials_are_errors_not_commands() {
    let e = token_request(frankfurt(), "", "s").unwrap_err();
    assert_eq!((e.field, e.message.as_str()), ("client id", "is empty"));
    let e = token_request(frankfurt(), "a:b", "s").unwrap_err();
    assert!(e.message.contains("':'"), "{e}");
    let e = token_request(frankfurt(), "id", "line\nbreak").unwrap_err();
    assert_eq!(e.field, "client secret");
    assert!(
        e.message.contains("U+000A") && e.message.contains("byte 4"),
        "{e}"
    );
    let e = token_request(frankfurt(), "id", " padded").unwrap_err();
    assert!(e.message.contains("space"), "{e}");
    let long = "x".repeat(MAX_CREDENTIAL_LEN + 1);
    assert!(token_request(frankfurt(), "id", &long).is_err());
}

#[test]
fn test_connection_asks_for_a_user_that_cannot_exist() {
    let probes = test_connection(frankfurt(), "00000000-0000-0000-0000-000000000000");
    assert_eq!(
        probes[0].url,
        "https://api.mypurecloud.de/api/v2/scim/v2/Users?filter=userName eq \"00000000-0000-0000-0000-000000000000\""
    );
    assert!(!probes[0].inferred);
    assert_eq!(probes[0].expected_status, 200);
    assert_eq!(probes[0].expected_body["totalResults"], 0);
    assert_eq!(probes[0].expected_body["Resources"], serde_json::json!([]));
    assert!(probes[1].url.contains("/Groups?filter=displayName eq"));
    assert!(probes[1].inferred);
}

#[test]
fn failures_name_the_status_and_the_region() {
    let f = failures(frankfurt());
    let by_id = |id: &str| f.iter().find(|x| x.id == id).unwrap();
    assert_eq!(by_id("wrong-region").status, 401);
    assert!(by_id("wrong-region")
        .cause
        .contains("https://login.mypurecloud.de/oauth/token"));
    assert_eq!(by_id("expired-token").status, 401);
    assert_eq!(by_id("missing-role").status, 403);
    assert_eq!(by_id("not-client-credentials").status, 400);
    assert_eq!(
        by_id("not-client-credentials").body_example["error"],
        "unauthorized_client"
    );
}

#[test]
fn tenant_urls_are_judged() {
    let r = frankfurt();
    assert_eq!(
        check_tenant_url("https://api.mypurecloud.de/api/v2/scim/v2/", r),
        Ok(())
    );
    assert_eq!(
        check_tenant_url(" https://api.mypurecloud.de/api/v2/scim/v2 ", r),
        Ok(())
    );
    let e = check_tenant_url("https://api.mypurecloud.com/api/v2/scim/v2/", r).unwrap_err();
    assert!(
        e.contains("Americas (US East)") && e.contains("EMEA (Frankfurt)"),
        "{e}"
    );
    let e = check_tenant_url("https://login.mypurecloud.de/api/v2/scim/v2/", r).unwrap_err();
    assert!(e.contains("API host"), "{e}");
    let e = check_tenant_url("https://api.mypurecloud.de/api/v2/", r).unwrap_err();
    assert!(e.contains("/api/v2/scim/v2/"), "{e}");
    assert!(check_tenant_url("http://api.mypurecloud.de/api/v2/scim/v2/", r).is_err());
    assert!(check_tenant_url("api.mypurecloud.de", r)
        .unwrap_err()
        .contains("not a URL"));
    let e = check_tenant_url("https://example.com/api/v2/scim/v2/", r).unwrap_err();
    assert!(e.contains("not a Genesys Cloud host"), "{e}");
}

#[test]
fn token_urls_are_judged() {
    let r = frankfurt();
    assert_eq!(
        check_token_url("https://login.mypurecloud.de/oauth/token", r),
        Ok(())
    );
    let e = check_token_url("https://api.mypurecloud.de/oauth/token", r).unwrap_err();
    assert!(e.contains("login host"), "{e}");
    let e = check_token_url("https://login.mypurecloud.ie/oauth/token", r).unwrap_err();
    assert!(e.contains("EMEA (Dublin)"), "{e}");
    assert!(check_token_url("https://login.mypurecloud.de/token", r).is_err());
}
