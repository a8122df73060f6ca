//! Genesys Cloud regions and the Tenant URL Entra needs for each (`https://{api host}/api/v2/scim/v2/`).

use serde::Serialize;

/// One Genesys Cloud region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Region {
    /// The region's name as Genesys lists it, e.g. `Americas (US East)`.
    pub name: &'static str,
    /// The host name of the region's public API, e.g. `api.mypurecloud.com`.
    pub api_host: &'static str,
}

impl Region {
    /// The value for Entra's "Tenant URL" field.
    pub fn tenant_url(&self) -> String {
        format!("https://{}/api/v2/scim/v2/", self.api_host)
    }
}

/// The regions listed in Genesys's Entra set-up article, in its order.
pub static REGIONS: &[Region] = &[
    Region {
        name: "Americas (Canada)",
        api_host: "api.cac1.pure.cloud",
    },
    Region {
        name: "Americas (Sao Paulo)",
        api_host: "api.sae1.pure.cloud",
    },
    Region {
        name: "Americas (US East)",
        api_host: "api.mypurecloud.com",
    },
    Region {
        name: "FedRAMP",
        api_host: "api.use2.us-gov-pure.cloud",
    },
    Region {
        name: "Americas (US West)",
        api_host: "api.usw2.pure.cloud",
    },
    Region {
        name: "Asia Pacific (Mumbai)",
        api_host: "api.aps1.pure.cloud",
    },
    Region {
        name: "Asia Pacific (Seoul)",
        api_host: "api.apne2.pure.cloud",
    },
    Region {
        name: "Asia Pacific (Sydney)",
        api_host: "api.mypurecloud.com.au",
    },
    Region {
        name: "Asia Pacific (Osaka)",
        api_host: "api.apne3.pure.cloud",
    },
    Region {
        name: "Asia Pacific (Tokyo)",
        api_host: "api.mypurecloud.jp",
    },
    Region {
        name: "EMEA (Dublin)",
        api_host: "api.mypurecloud.ie",
    },
    Region {
        name: "EMEA (Frankfurt)",
        api_host: "api.mypurecloud.de",
    },
    Region {
        name: "EMEA (London)",
        api_host: "api.euw2.pure.cloud",
    },
    Region {
        name: "EMEA (Zurich)",
        api_host: "api.euc2.pure.cloud",
    },
    Region {
        name: "EMEA (UAE)",
        api_host: "api.mec1.pure.cloud",
    },
];

/// Finds a region by (part of) its name or its API host, ignoring case.
pub fn find(query: &str) -> Option<&'static Region> {
    let q = query.trim().to_ascii_lowercase();
    REGIONS
        .iter()
        .find(|r| r.api_host == q || r.name.to_ascii_lowercase() == q)
        .or_else(|| {
            REGIONS
                .iter()
                .find(|r| r.name.to_ascii_lowercase().contains(&q))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_urls() {
        assert_eq!(REGIONS.len(), 15);
        assert_eq!(
            find("US East").unwrap().tenant_url(),
            "https://api.mypurecloud.com/api/v2/scim/v2/"
        );
        assert_eq!(find("frankfurt").unwrap().api_host, "api.mypurecloud.de");
        assert_eq!(
            find("api.usw2.pure.cloud").unwrap().name,
            "Americas (US West)"
        );
        assert!(find("Atlantis").is_none());
    }
}
