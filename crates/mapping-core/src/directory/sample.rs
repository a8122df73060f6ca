//! A realistic synthetic Graph `GET /users` export, generated lazily: a [`SampleDirectory`] is
//! an `io::Read` that produces one user at a time, so a million users cost no memory. The same
//! seed gives the same bytes. Names with diacritics and non-Latin scripts, phones from a dozen
//! countries (with and without extensions, tidy and messy), missing fields, disabled accounts,
//! duplicate user names, managers and group memberships.

use serde_json::{json, Value as Json};
use std::io::Read;

const GIVEN: &[&str] = &[
    "Adele",
    "Zoë",
    "José",
    "Søren",
    "Łukasz",
    "Ngozi",
    "Hana",
    "Ólafur",
    "Chloé",
    "Mohammed",
    "Priya",
    "Wei",
    "Yuki",
    "Ana",
    "Björn",
    "Dvořák",
    "Αλέξανδρος",
    "Дмитрий",
    "さくら",
    "민준",
    "محمد",
    "Li",
    "Siobhán",
    "François",
];
const FAMILY: &[&str] = &[
    "Vance",
    "Müller",
    "García",
    "Ødegaard",
    "Nowak",
    "Okafor",
    "Sato",
    "Jónsson",
    "Lefèvre",
    "Haddad",
    "Sharma",
    "Zhang",
    "Tanaka",
    "Silva",
    "Ström",
    "Novák",
    "Παπαδόπουλος",
    "Иванов",
    "山田",
    "김",
    "العلي",
    "O'Brien",
    "Nguyễn",
];
const DEPARTMENTS: &[&str] = &[
    "Support",
    "Sales",
    "Retail",
    "Finance",
    "Contact Centre",
    "IT",
];
const GROUPS: &[&str] = &[
    "Contact Centre Agents",
    "Sales Agents",
    "Supervisors",
    "Finance",
    "All Staff",
];
/// (usageLocation, phone values in the forms people type them).
const PHONES: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "+1 425 555 {4}",
            "(206) 555-{4}",
            "425.555.{4} x{3}",
            "+1 (425) 555-{4} ext. {2}",
        ],
    ),
    (
        "GB",
        &[
            "+44 20 7946 {4}",
            "020 7946 {4}",
            "+44 (0) 20 7946 {4}",
            "07700 900{3}",
        ],
    ),
    (
        "DE",
        &[
            "+49 30 901820{2}",
            "030 901820{2}",
            "+49 (0)30 901820{2}-{2}",
        ],
    ),
    ("FR", &["+33 1 42 68 {2} {2}", "01 42 68 {2} {2}"]),
    ("IE", &["+353 1 555 {4}", "01 555 {4}"]),
    ("IN", &["+91 22 2778 {4}", "022 2778 {4}"]),
    ("JP", &["+81 3-3224-{4}", "03-3224-{4}"]),
    ("AU", &["+61 2 9876 {4}", "(02) 9876 {4}"]),
    ("BR", &["+55 11 3456-{4}", "(11) 3456-{4}"]),
    ("ZA", &["+27 21 555 {4}", "021 555 {4}"]),
    ("NL", &["+31 20 555 {4}", "020-555 {4}"]),
    ("CA", &["+1 613 555 {4}", "613-555-{4};ext={3}"]),
    ("", &["x{4}", "ext {3}", "n/a", "+1 555"]),
];

/// The `n`-th user of a directory generated with `seed`.
pub fn user(n: usize, seed: u64) -> Json {
    let mut rng = fastrand::Rng::with_seed(seed ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let given = GIVEN[rng.usize(..GIVEN.len())];
    let family = FAMILY[rng.usize(..FAMILY.len())];
    // About one in 200 users shares a user name with an earlier one.
    let name_no = if n > 10 && rng.u32(..200) == 0 {
        rng.usize(..n)
    } else {
        n
    };
    let upn = format!("user{name_no}@contoso.example");
    let (location, forms) = PHONES[rng.usize(..PHONES.len())];
    let form = forms[rng.usize(..forms.len())];
    let phone = digits(form, &mut rng);
    let mut u = json!({
        "id": format!("00000000-0000-4000-8000-{n:012}"),
        "userPrincipalName": upn,
        "displayName": format!("{given} {family}"),
        "givenName": given,
        "surname": family,
        "accountEnabled": rng.u32(..25) != 0,
        "mail": upn,
        "jobTitle": if rng.bool() { "Agent" } else { "Team Lead" },
        "department": DEPARTMENTS[rng.usize(..DEPARTMENTS.len())],
        "employeeId": format!("E{:06}", n),
    });
    if rng.u32(..10) != 0 {
        u["businessPhones"] = json!([phone]);
    } else {
        u["businessPhones"] = json!([]);
    }
    if rng.u32(..3) == 0 {
        u["mobilePhone"] = json!(digits("+44 7700 900{3}", &mut rng));
    }
    if !location.is_empty() && rng.u32(..8) != 0 {
        u["usageLocation"] = json!(location);
    }
    if n > 0 && rng.u32(..5) != 0 {
        let m = rng.usize(..n.min(n / 20 + 1));
        u["manager"] = json!({"@odata.type": "#microsoft.graph.user", "id": format!("00000000-0000-4000-8000-{m:012}"), "displayName": "Manager"});
    }
    let groups: Vec<Json> = GROUPS
        .iter()
        .enumerate()
        .filter(|_| rng.u32(..3) == 0)
        .map(|(i, g)| json!({"@odata.type": "#microsoft.graph.group", "id": format!("g-{i}"), "displayName": g}))
        .collect();
    u["memberOf"] = Json::Array(groups);
    u
}

/// Replaces `{k}` with k random digits.
fn digits(form: &str, rng: &mut fastrand::Rng) -> String {
    let mut out = String::new();
    let mut rest = form;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let k: usize = rest[open + 1..close].parse().unwrap_or(1);
        for _ in 0..k {
            out.push(rng.digit(10));
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// The directory as a Graph page `{"value": [...]}`, generated while it is read.
pub struct SampleDirectory {
    users: usize,
    seed: u64,
    next: usize,
    buf: Vec<u8>,
    at: usize,
    done: bool,
}

impl SampleDirectory {
    /// `users` users generated with `seed` (the same seed gives the same bytes).
    pub fn new(users: usize, seed: u64) -> Self {
        SampleDirectory {
            users,
            seed,
            next: 0,
            buf: b"{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users\", \"value\": [".to_vec(),
            at: 0,
            done: false,
        }
    }

    /// Bytes held at most (the current user's text).
    pub fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }

    fn refill(&mut self) {
        self.buf.clear();
        self.at = 0;
        if self.next < self.users {
            if self.next > 0 {
                self.buf.extend_from_slice(b",\n");
            }
            let _ = serde_json::to_writer(&mut self.buf, &user(self.next, self.seed));
            self.next += 1;
        } else if !self.done {
            self.buf.extend_from_slice(b"]}\n");
            self.done = true;
        }
    }
}

impl Read for SampleDirectory {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            self.refill();
        }
        let n = (self.buf.len() - self.at).min(out.len());
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::readers::{self, Item};
    use std::io::BufReader;
    use std::ops::ControlFlow;

    #[test]
    fn the_same_seed_gives_the_same_users() {
        assert_eq!(user(7, 1), user(7, 1));
        assert_ne!(user(7, 1), user(7, 2));
        assert!(user(0, 1).get("manager").is_none());
    }

    /// Streams `n` generated users through the Graph reader and checks that memory stays at one
    /// user: the generator holds one user's bytes, the reader never buffers more than one
    /// record, and each user is dropped when handed over.
    fn stream(n: usize) {
        let mut source = SampleDirectory::new(n, 42);
        let mut count = 0usize;
        let mut largest_user = 0usize;
        {
            let reader = BufReader::new(&mut source);
            let result = readers::read(reader, None, "generated", &mut |item| {
                match item {
                    Item::User(u) => {
                        count += 1;
                        largest_user = largest_user.max(u.json.to_string().len());
                    }
                    Item::Error(e) => panic!("{e}"),
                }
                ControlFlow::Continue(())
            });
            assert_eq!(result.unwrap().1, n);
        }
        assert_eq!(count, n);
        assert!(
            source.buffer_capacity() < 8 * 1024,
            "generator held {} bytes",
            source.buffer_capacity()
        );
        assert!(largest_user < 4096);
    }

    #[test]
    fn streams_many_users_in_bounded_memory() {
        stream(20_000);
    }

    // A million users go through the whole release `scim-map check` in the suite instead
    // (scripts/stream-check.sh, with its peak memory bounded): in a debug test build it took
    // minutes.
}
