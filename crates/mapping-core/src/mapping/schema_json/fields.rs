//! The optional properties of a JSON object: absent and `null` mean the default, a value of the
//! wrong type is an [`ImportError`] at the property's path.

use serde_json::{Map, Value as Json};

use super::error::{expected, key_path, ImportError};

pub(super) type Object = Map<String, Json>;

/// An optional string property: absent and `null` are `None`; anything but a string is an error.
pub(super) fn str_field<'a>(
    object: &'a Object,
    key: &str,
    path: &str,
) -> Result<Option<&'a str>, ImportError> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(other) => Err(expected(&key_path(path, key), "a string or null", other)),
    }
}

/// An optional array property (`objectMappings`, `attributeMappings`, `parameters`): absent and
/// `null` are no elements; anything but an array is an error.
pub(super) fn array_field<'a>(
    object: &'a Object,
    key: &str,
    path: &str,
) -> Result<&'a [Json], ImportError> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(expected(
            &key_path(path, key),
            &format!("an array of {key}"),
            other,
        )),
    }
}

/// An optional property naming one of `choices` (as `name` spells them, compared ignoring case
/// and surrounding spaces): absent and `null` are `None`; any other string, or anything but a
/// string, is an error that calls the property a `what` (`"flow type"`).
pub(super) fn choice_field<T: Copy>(
    object: &Object,
    key: &str,
    path: &str,
    what: &str,
    choices: &[T],
    name: fn(T) -> &'static str,
) -> Result<Option<T>, ImportError> {
    let path = key_path(path, key);
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => choices
            .iter()
            .copied()
            .find(|&choice| name(choice).eq_ignore_ascii_case(text.trim()))
            .map(Some)
            .ok_or_else(|| {
                let allowed: Vec<&str> = choices.iter().map(|&choice| name(choice)).collect();
                ImportError::new(
                    &path,
                    format!(
                        "\"{text}\" is not a {what}; expected one of {}",
                        allowed.join(", ")
                    ),
                )
            }),
        Some(other) => Err(expected(&path, &format!("a {what} string"), other)),
    }
}
