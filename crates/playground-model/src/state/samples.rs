//! Built-in users, as Microsoft Graph returns them (`GET /users/{id}?$select=…&$expand=manager`
//! plus `memberOf`), each showing something an admin runs into. All names, numbers and ids are
//! made up.

/// One sample: a label for the picker and the Graph JSON.
pub struct Sample {
    /// Stable name, used by the picker and in tests.
    pub id: &'static str,
    /// What the picker shows.
    pub label: &'static str,
    /// The user as Microsoft Graph JSON.
    pub json: &'static str,
}

/// Every built-in user; the first is the default state's user.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "agent",
        label: "Contact-centre agent with a manager and groups",
        json: r##"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
  "id": "7f3c9a52-1d4e-4b8a-9c61-2e5f80a4d913",
  "accountEnabled": true,
  "userPrincipalName": "priya.raman@contoso.com",
  "displayName": "Priya Raman",
  "givenName": "Priya",
  "surname": "Raman",
  "mail": "priya.raman@contoso.com",
  "jobTitle": "Customer Care Agent",
  "department": "Customer Care",
  "companyName": "Contoso Europe",
  "employeeId": "100482",
  "businessPhones": ["+1 317 872 3000"],
  "mobilePhone": "+1 317 555 0142",
  "officeLocation": "Indianapolis",
  "usageLocation": "US",
  "onPremisesExtensionAttributes": {
    "extensionAttribute1": "2104",
    "extensionAttribute2": null
  },
  "manager": {
    "@odata.type": "#microsoft.graph.user",
    "id": "c0a1b2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "displayName": "Marcus Lindqvist",
    "userPrincipalName": "marcus.lindqvist@contoso.com"
  },
  "memberOf": [
    { "@odata.type": "#microsoft.graph.group", "displayName": "Sales Agents" },
    { "@odata.type": "#microsoft.graph.group", "displayName": "All Staff" }
  ]
}"##,
    },
    Sample {
        id: "diacritics",
        label: "Name with diacritics, national phone format",
        json: r##"{
  "id": "2b9e6f10-8c3a-4d57-a1e2-5f6a7b8c9d0e",
  "accountEnabled": true,
  "userPrincipalName": "zoe.angstrom-muller@contoso.com",
  "displayName": "Zoë Ångström-Müller",
  "givenName": "Zoë",
  "surname": "Ångström-Müller",
  "mail": "zoë.ångström@contoso.com",
  "jobTitle": "Teamleiterin Kundendienst",
  "department": "Kundendienst",
  "businessPhones": ["(020) 7946 0958"],
  "mobilePhone": "07700 900123",
  "officeLocation": "Zürich",
  "usageLocation": "GB"
}"##,
    },
    Sample {
        id: "missing",
        label: "New starter with missing fields",
        json: r##"{
  "id": "5d4c3b2a-1908-4f7e-8d6c-5b4a39281706",
  "accountEnabled": true,
  "userPrincipalName": "j.okafor@contoso.com",
  "displayName": "Jide Okafor",
  "mail": null,
  "jobTitle": null,
  "department": null,
  "businessPhones": [],
  "mobilePhone": null
}"##,
    },
    Sample {
        id: "extension",
        label: "Desk phone with an extension",
        json: r##"{
  "id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
  "accountEnabled": true,
  "userPrincipalName": "sam.whitfield@contoso.com",
  "displayName": "Sam Whitfield",
  "mail": "sam.whitfield@contoso.com",
  "jobTitle": "Supervisor",
  "department": "Support",
  "businessPhones": ["+1 317 872 3000 x402"],
  "mobilePhone": "+1 (317) 555-0199",
  "onPremisesExtensionAttributes": {
    "extensionAttribute1": "402"
  },
  "memberOf": [
    { "@odata.type": "#microsoft.graph.group", "displayName": "support" }
  ]
}"##,
    },
    Sample {
        id: "disabled",
        label: "Disabled account (sign-in blocked)",
        json: r##"{
  "id": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
  "accountEnabled": false,
  "userPrincipalName": "leaver@contoso.com",
  "displayName": "Alex Leaver",
  "mail": "leaver@contoso.com",
  "jobTitle": "Agent",
  "department": "Customer Care",
  "businessPhones": ["+13178723000"]
}"##,
    },
    Sample {
        id: "flat",
        label: "Flat source attributes (Entra's names)",
        json: r##"{
  "objectId": "3e2d1c0b-a9f8-4e7d-b6c5-a4b3c2d1e0f9",
  "userPrincipalName": "ada.lovelace@contoso.com",
  "displayName": "Ada Lovelace",
  "mail": "ada.lovelace@contoso.com",
  "telephoneNumber": "+1 317 872 3000",
  "mobile": "+1 317 555 0142",
  "department": "Customer Care",
  "jobTitle": "Contact Center Agent",
  "extensionAttribute1": "105",
  "proxyAddresses": ["SMTP:ada.lovelace@contoso.com", "smtp:ada@contoso.onmicrosoft.com"]
}"##,
    },
];

/// The first sample as it was before a change (another title, department and number): the
/// default "before" of the update preview.
pub const BEFORE_USER: &str = r##"{
  "id": "7f3c9a52-1d4e-4b8a-9c61-2e5f80a4d913",
  "accountEnabled": true,
  "userPrincipalName": "priya.raman@contoso.com",
  "displayName": "Priya Raman",
  "mail": "priya.raman@contoso.com",
  "jobTitle": "Trainee Agent",
  "department": "Onboarding",
  "businessPhones": ["+1 317 872 3001"],
  "mobilePhone": "+1 317 555 0142",
  "memberOf": [
    { "@odata.type": "#microsoft.graph.group", "displayName": "Support" }
  ]
}"##;

/// A sample by id.
pub fn by_id(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mapping_core::graph::{read_user, Lifecycle};

    #[test]
    fn every_sample_reads_as_a_user() {
        for s in SAMPLES.iter().map(|s| s.json).chain([BEFORE_USER]) {
            let json: serde_json::Value = serde_json::from_str(s).unwrap();
            let user = read_user(&json, Lifecycle::Assigned).unwrap();
            assert!(user.attributes.get("userPrincipalName").is_some());
        }
        assert!(by_id("disabled").is_some() && by_id("nope").is_none());
    }
}
