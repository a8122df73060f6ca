//! Any bytes as a directory export, read in every format (Graph/SCIM JSON pages or an array,
//! NDJSON, the admin center's CSV) and with the format detected; then every user read as a
//! Genesys SCIM user, as `scim-map check --genesys-users` does. Reading never panics, every
//! error says where it is (file, and line or byte), and the record count matches the items.
//! Inputs stay far below the reader's 4 MiB record limit (`-max_len`); the limit itself is tested
//! in `directory::readers` (one test per format), and memory by libFuzzer's `-rss_limit_mb`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::directory::matching::GenesysUser;
use mapping_core::directory::position::ReadError;
use mapping_core::directory::readers::{read, Format, Item};
use std::ops::ControlFlow;

const FILE: &str = "fuzz.json";

fn assert_positioned(e: &ReadError) {
    assert_eq!(e.position.file, FILE, "{e:?}");
    assert!(
        e.position.line.is_some() || e.position.byte.is_some(),
        "an error without a place: {e:?}"
    );
    assert!(!e.message.is_empty(), "an error without a message: {e:?}");
    let _ = e.to_string();
}

fn read_as(data: &[u8], format: Option<Format>) {
    let mut records = 0usize;
    let result = read(data, format, FILE, &mut |item| {
        records += 1;
        match item {
            Item::User(user) => {
                assert!(user.json.is_object(), "a user that is not an object");
                if let Some(byte) = user.position.byte {
                    assert!(byte <= data.len() as u64, "a user past the end of the input");
                }
                let _ = GenesysUser::from_scim(user.json);
            }
            Item::Error(e) => assert_positioned(&e),
        }
        ControlFlow::Continue(())
    });
    match result {
        Ok((read_format, counted)) => {
            if let Some(f) = format {
                assert_eq!(read_format, f);
            }
            assert_eq!(counted, records, "the record count disagrees with the items");
        }
        Err(e) => {
            assert!(e.fatal, "a returned error that is not fatal: {e:?}");
            assert_positioned(&e);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    read_as(data, None);
    for format in [Format::Json, Format::Ndjson, Format::Csv] {
        read_as(data, Some(format));
    }
});
