//! The /data table: which figures to show, in which order, as a query string that a
//! reload or a shared link restores (`?topic=gpus&q=h100&sort=value&dir=desc`).

use super::format::format_quantity;
use super::query::{IgnoredValue, abbreviate, format_query, parse_query};
use crate::base::lang::Lang;
use crate::data::figures::{Figure, Topic, item_name, metric_name};
use crate::data::sections::{SECTIONS, section};

pub const TOPIC_PARAM: &str = "topic";
pub const SEARCH_PARAM: &str = "q";
pub const SORT_PARAM: &str = "sort";
pub const DIR_PARAM: &str = "dir";
/// The query keys the /data page reads.
pub const DATA_QUERY_KEYS: &[&str] = &[TOPIC_PARAM, SEARCH_PARAM, SORT_PARAM, DIR_PARAM];
/// Longest search kept from a URL, in characters.
const MAX_SEARCH: usize = 200;

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Topic,
    Item,
    Metric,
    Value,
    Normalised,
    Section,
    Kind,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Topic,
        Column::Item,
        Column::Metric,
        Column::Value,
        Column::Normalised,
        Column::Section,
        Column::Kind,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Column::Topic => "topic",
            Column::Item => "item",
            Column::Metric => "metric",
            Column::Value => "value",
            Column::Normalised => "normalised",
            Column::Section => "section",
            Column::Kind => "kind",
        }
    }

    pub fn parse(code: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What the table shows: a topic filter, a search, and a sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataQuery {
    pub topic: Option<Topic>,
    pub search: String,
    pub sort: Option<Column>,
    pub descending: bool,
}

impl DataQuery {
    /// Reads the view from a query string; unusable values are ignored and listed.
    pub fn from_search(search: &str) -> (DataQuery, Vec<IgnoredValue>) {
        let mut query = DataQuery::default();
        let mut ignored = Vec::new();
        let mut ignore = |key: &str, value: &str| {
            ignored.push(IgnoredValue {
                key: key.to_owned(),
                value: abbreviate(value, 40),
            });
        };
        for (key, value) in parse_query(search) {
            match key.as_str() {
                TOPIC_PARAM if value.is_empty() || value == "all" => query.topic = None,
                TOPIC_PARAM => match Topic::parse(&value) {
                    Some(topic) => query.topic = Some(topic),
                    None => ignore(&key, &value),
                },
                SEARCH_PARAM => {
                    let trimmed = value.trim();
                    if trimmed.chars().count() > MAX_SEARCH {
                        ignore(&key, trimmed);
                    } else {
                        query.search = trimmed.to_owned();
                    }
                }
                SORT_PARAM => match Column::parse(&value) {
                    Some(column) => query.sort = Some(column),
                    None => ignore(&key, &value),
                },
                DIR_PARAM => match value.as_str() {
                    "asc" => query.descending = false,
                    "desc" => query.descending = true,
                    _ => ignore(&key, &value),
                },
                _ => {}
            }
        }
        (query, ignored)
    }

    /// The query string for this view, keeping the other pairs of `current` (such as
    /// `lang`) in place and leaving defaults out.
    pub fn to_search(&self, current: &str) -> String {
        let mut pairs: Vec<(String, String)> = parse_query(current)
            .into_iter()
            .filter(|(k, _)| !DATA_QUERY_KEYS.contains(&k.as_str()))
            .collect();
        if let Some(topic) = self.topic {
            pairs.push((TOPIC_PARAM.into(), topic.code().into()));
        }
        if !self.search.is_empty() {
            pairs.push((SEARCH_PARAM.into(), self.search.clone()));
        }
        if let Some(sort) = self.sort {
            pairs.push((SORT_PARAM.into(), sort.code().into()));
            if self.descending {
                pairs.push((DIR_PARAM.into(), "desc".into()));
            }
        }
        format_query(&pairs)
    }

    /// The figures this view shows, in order.
    pub fn apply(&self, figures: &'static [Figure], lang: Lang) -> Vec<&'static Figure> {
        let words: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        let mut rows: Vec<&'static Figure> = figures
            .iter()
            .filter(|f| self.topic.is_none_or(|t| f.topic == t))
            // Without a search there is no text to build for each figure.
            .filter(|f| {
                words.is_empty() || {
                    let haystack = search_text(f);
                    words.iter().all(|w| haystack.contains(w.as_str()))
                }
            })
            .collect();
        if let Some(column) = self.sort {
            rows.sort_by(|a, b| {
                let order = compare(column, a, b, lang);
                if self.descending {
                    order.reverse()
                } else {
                    order
                }
            });
        }
        rows
    }

    /// The view with `column` sorted: ascending first, then descending, then unsorted.
    pub fn toggle_sort(&self, column: Column) -> DataQuery {
        let mut next = self.clone();
        match (self.sort, self.descending) {
            (Some(c), false) if c == column => next.descending = true,
            (Some(c), true) if c == column => {
                next.sort = None;
                next.descending = false;
            }
            _ => {
                next.sort = Some(column);
                next.descending = false;
            }
        }
        next
    }
}

/// Everything a search may match, in both languages, lower-cased.
fn search_text(f: &Figure) -> String {
    let item = item_name(f.item);
    let metric = metric_name(f.metric);
    let mut text = [
        f.id,
        item.en,
        item.zh,
        metric.en,
        metric.zh,
        f.value,
        f.quote_zh,
        f.topic.code(),
    ]
    .join(" ");
    if let Some(s) = section(f.section) {
        text.push(' ');
        text.push_str(s.title.en);
        text.push(' ');
        text.push_str(s.title.zh);
    }
    text.push(' ');
    text.push_str(&format_quantity(f.quantity, f.signed, Lang::En));
    // ASCII folding is enough (Chinese has no case) and spares the wasm Unicode tables.
    text.to_ascii_lowercase()
}

/// The normalized value: the quantity in its dimension's base unit.
pub fn normalised(f: &Figure, lang: Lang) -> String {
    format_quantity(f.quantity.in_base_unit(), f.signed, lang)
}

fn compare(column: Column, a: &Figure, b: &Figure, lang: Lang) -> std::cmp::Ordering {
    let section_index = |f: &Figure| SECTIONS.iter().position(|s| s.id == f.section);
    let topic_index = |f: &Figure| Topic::ALL.iter().position(|t| *t == f.topic);
    match column {
        Column::Topic => topic_index(a).cmp(&topic_index(b)),
        Column::Item => item_name(a.item).get(lang).cmp(item_name(b.item).get(lang)),
        Column::Metric => metric_name(a.metric)
            .get(lang)
            .cmp(metric_name(b.metric).get(lang)),
        Column::Value | Column::Normalised => {
            let (qa, qb) = (a.quantity.in_base_unit(), b.quantity.in_base_unit());
            qa.unit.code().cmp(qb.unit.code()).then(
                qa.amount
                    .representative()
                    .total_cmp(&qb.amount.representative()),
            )
        }
        Column::Section => section_index(a).cmp(&section_index(b)),
        Column::Kind => a
            .quantity
            .amount
            .kind()
            .code()
            .cmp(b.quantity.amount.kind().code()),
    }
    .then_with(|| a.id.cmp(b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::FIGURES;

    #[test]
    fn reads_and_writes_the_view() {
        let (q, ignored) = DataQuery::from_search("?lang=zh&topic=gpus&q=h100&sort=value&dir=desc");
        assert!(ignored.is_empty());
        assert_eq!(q.topic, Some(Topic::Gpus));
        assert_eq!(
            (q.search.as_str(), q.sort, q.descending),
            ("h100", Some(Column::Value), true)
        );
        assert_eq!(
            q.to_search("?lang=zh&q=old"),
            "?lang=zh&topic=gpus&q=h100&sort=value&dir=desc"
        );
        assert_eq!(DataQuery::default().to_search("?lang=en"), "?lang=en");
    }

    #[test]
    fn bad_values_are_ignored_and_reported() {
        let long = "x".repeat(500);
        let (q, ignored) =
            DataQuery::from_search(&format!("?topic=<b>&sort=price&dir=up&q={long}"));
        assert_eq!(q, DataQuery::default());
        let keys: Vec<&str> = ignored.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, vec!["topic", "sort", "dir", "q"]);
        assert!(ignored[3].value.chars().count() <= 41);
    }

    #[test]
    fn filters_by_topic_and_searches_both_languages() {
        let gpus = DataQuery {
            topic: Some(Topic::Gpus),
            ..Default::default()
        };
        let rows = gpus.apply(FIGURES, Lang::En);
        assert!(!rows.is_empty() && rows.iter().all(|f| f.topic == Topic::Gpus));

        let english = DataQuery {
            search: "Moore Threads".into(),
            ..Default::default()
        };
        let chinese = DataQuery {
            search: "摩尔线程".into(),
            ..Default::default()
        };
        let a: Vec<_> = english
            .apply(FIGURES, Lang::En)
            .iter()
            .map(|f| f.id)
            .collect();
        let b: Vec<_> = chinese
            .apply(FIGURES, Lang::Zh)
            .iter()
            .map(|f| f.id)
            .collect();
        assert!(!a.is_empty());
        assert_eq!(a, b);
        let none = DataQuery {
            search: "no such thing".into(),
            ..Default::default()
        };
        assert!(none.apply(FIGURES, Lang::En).is_empty());
    }

    #[test]
    fn sorts_values_across_units_of_a_dimension() {
        let startup = DataQuery {
            search: "startup time".into(),
            sort: Some(Column::Value),
            ..Default::default()
        };
        let rows = startup.apply(FIGURES, Lang::En);
        let ms: Vec<f64> = rows
            .iter()
            .map(|f| f.quantity.in_base_unit())
            .filter(|q| q.unit == crate::base::quantity::Unit::Milliseconds)
            .map(|q| q.amount.representative())
            .collect();
        assert!(ms.len() >= 7);
        assert!(ms.windows(2).all(|w| w[0] <= w[1]), "{ms:?}");
        // Docker's 1-5 s sorts after Kata's ~200 ms.
        let pos = |id: &str| rows.iter().position(|f| f.id == id).unwrap();
        assert!(pos("compare.docker.startup") > pos("compare.kata.startup"));
        let desc = DataQuery {
            descending: true,
            ..startup.clone()
        }
        .apply(FIGURES, Lang::En);
        assert_eq!(desc.first().map(|f| f.id), rows.last().map(|f| f.id));
    }

    #[test]
    fn sort_toggles_through_three_states() {
        let q = DataQuery::default();
        let a = q.toggle_sort(Column::Item);
        assert_eq!((a.sort, a.descending), (Some(Column::Item), false));
        let b = a.toggle_sort(Column::Item);
        assert_eq!((b.sort, b.descending), (Some(Column::Item), true));
        let c = b.toggle_sort(Column::Item);
        assert_eq!((c.sort, c.descending), (None, false));
        assert_eq!(b.toggle_sort(Column::Kind).sort, Some(Column::Kind));
    }

    #[test]
    fn normalises_to_the_base_unit() {
        let docker = FIGURES
            .iter()
            .find(|f| f.id == "compare.docker.startup")
            .unwrap();
        assert_eq!(normalised(docker, Lang::En), "1000–5000 ms");
    }
}
