//! The facts a rulebook asks for, for other programs: each fact with its
//! type, questions, labels and allowed values (`redress facts --format
//! json`), and a JSON Schema of a valid case file (`--format jsonschema`), so
//! that a form or a case-management system can validate a case before it
//! calls redress.
//!
//! Both are built from the checked [`Model`], in declaration order.

use serde_json::{Map, Value as Json, json};

use crate::model::{Model, Texts};
use crate::value::{Currency, Type};

/// Texts by language as a JSON object (`{"zh": "…", "en": "…"}`; a text
/// with no language under `""`), in the order written.
fn texts(t: &Texts) -> Json {
    let mut m = Map::new();
    for (lang, text) in t {
        m.entry(lang.clone())
            .or_insert_with(|| Json::String(text.clone()));
    }
    Json::Object(m)
}

/// The facts of a rulebook: `{"rulebook": …, "facts": [...], "derived": [...]}`,
/// keys in the order written here (docs/output.md, "The facts").
pub fn facts_json(model: &Model) -> Json {
    let facts: Vec<Json> = model
        .facts
        .iter()
        .map(|f| {
            // the identifying keys first: name, label, question, then the type
            let mut o = Map::new();
            o.insert("name".into(), json!(f.name));
            o.insert("label".into(), texts(&f.labels));
            o.insert("question".into(), texts(&f.questions));
            o.insert("type".into(), json!(f.ty.json_name()));
            if let Type::Money(c) = f.ty {
                o.insert("currency".into(), json!(c.code()));
            }
            if let Type::OneOf(set) | Type::Set(set) = f.ty {
                let values: Vec<Json> = model
                    .one_of_values(set)
                    .iter()
                    .map(|v| {
                        let labels = f
                            .value_labels
                            .iter()
                            .find(|(name, _)| name == v)
                            .map_or_else(|| json!({}), |(_, t)| texts(t));
                        json!({ "value": v, "label": labels })
                    })
                    .collect();
                o.insert("values".into(), Json::Array(values));
            }
            if model
                .header
                .as_of
                .is_some_and(|a| model.fact_name(a) == f.name)
            {
                o.insert("as_of".into(), json!(true));
            }
            Json::Object(o)
        })
        .collect();
    let derived: Vec<Json> = model
        .derived
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "label": texts(&d.labels),
                "type": d.ty.json_name(),
                "definition": model.expr_text(&d.expr).to_string(),
            })
        })
        .collect();
    json!({
        "rulebook": {
            "title": texts(&model.header.titles),
            "jurisdiction": model.header.jurisdiction,
            "version": model.header.version,
            "languages": model.header.languages,
        },
        "facts": facts,
        "derived": derived,
    })
}

/// An amount as text in one currency, as the case reader takes it: a
/// number, with the currency's sign before it or its code or word after it
/// (`¥120.50`, `120.50 元`, `€40`, `40 EUR`).
fn money_pattern(c: Currency) -> String {
    let (before, after) = if c == Currency::CNY {
        ("([¥￥])?", "yuan|CNY|元|¥|￥")
    } else if c == Currency::EUR {
        ("(€)?", "EUR|€")
    } else {
        ("", c.code())
    };
    format!("^\\s*{before}\\s*-?[0-9]+(\\.[0-9]+)?\\s*({after})?\\s*$")
}

/// The schema of one fact's value in a case file: what the case reader
/// accepts, and `null` (unknown).
fn value_schema(model: &Model, ty: Type) -> Json {
    let known = match ty {
        Type::Bool => json!({ "anyOf": [{ "type": "boolean" }, { "enum": ["yes", "no"] }] }),
        Type::Number => json!({ "anyOf": [
            { "type": "number" },
            { "type": "string", "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$" },
        ] }),
        Type::Money(c) => json!({ "anyOf": [
            { "type": "number" },
            { "type": "string", "pattern": money_pattern(c) },
        ] }),
        Type::Date => json!({
            "type": "string",
            "format": "date",
            "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$",
        }),
        Type::Text => json!({ "type": "string" }),
        Type::OneOf(set) => json!({ "enum": model.one_of_values(set) }),
        // a list of the values, each at most once (`[]`: known to be none)
        Type::Set(set) => json!({
            "type": "array",
            "items": { "enum": model.one_of_values(set) },
            "uniqueItems": true,
        }),
        Type::Duration => json!(false),
    };
    json!({ "anyOf": [known, { "type": "null" }] })
}

/// Put a fact's schema under every key a case file may give it by: each
/// part of the dotted name a nested object, or several parts joined by dots
/// in one key (`{"purchase": {"price": …}}`, `{"purchase.price": …}`).
/// Names have few parts, so the ways stay few.
fn insert(node: &mut Map<String, Json>, parts: &[&str], schema: &Json) {
    for k in 1..=parts.len() {
        let (head, rest) = parts.split_at(k);
        let key = head.join(".");
        if rest.is_empty() {
            node.insert(key, schema.clone());
            continue;
        }
        let entry = node.entry(key).or_insert_with(
            || json!({ "type": "object", "additionalProperties": false, "properties": {} }),
        );
        // a fact and a group of facts under one name cannot both be given
        // (the case reader reads the key as one or the other): the fact wins
        if let Some(props) = entry
            .as_object_mut()
            .and_then(|o| o.get_mut("properties"))
            .and_then(Json::as_object_mut)
        {
            insert(props, rest, schema);
        }
    }
}

/// A JSON Schema (draft 2020-12) of a case file for this rulebook: objects
/// nested by the dotted fact names, each fact's value as the case reader
/// accepts it or `null`. Stricter than redress in one way: a key that names
/// no fact is an error here (redress warns and ignores it), so that a form
/// catches a misspelt key.
pub fn case_schema(model: &Model) -> Json {
    let mut root = Map::new();
    for f in &model.facts {
        // the texts that name the fact first, then its type
        let mut named = Map::new();
        if let Some(l) = Model::pick(&f.labels, "en") {
            named.insert("title".into(), json!(l));
        }
        if let Some(q) = Model::pick(&f.questions, "en") {
            named.insert("description".into(), json!(q));
        }
        if let Json::Object(types) = value_schema(model, f.ty) {
            named.extend(types);
        }
        let schema = Json::Object(named);
        let parts: Vec<&str> = f.name.split('.').collect();
        insert(&mut root, &parts, &schema);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!(
            "A case file for {}",
            Model::pick(&model.header.titles, "en").unwrap_or("this rulebook")
        ),
        "type": "object",
        "additionalProperties": false,
        "properties": Json::Object(root),
    })
}
