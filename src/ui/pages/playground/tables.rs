//! What the playground shows of an inspection, as tables of escaped HTML, written in
//! the worker (the page receives the HTML, so its own wasm never decodes an
//! inspection): the summary,
//! the features against this browser, the sections, imports and exports, the custom
//! sections and the largest functions. Rebuilt when the inspection or the language
//! changes.

use crate::base::lang::Lang;
use crate::data::wasm_features::FEATURES;
use crate::domain::export::csv;
use crate::domain::inspect::protocol::{ComponentShown, List};
use crate::domain::inspect::{Inspection, Kind, ProblemKind, WasmError, other_proposal_name};
use crate::i18n::Key;
use crate::ui::html::Html;

/// A byte count as people read it, in one way everywhere in the playground (its
/// tables, its messages, the section chart): three significant digits in powers of
/// 1000, "812 B", "12.4 KB", "9.02 MB".
pub fn bytes_text(n: u64) -> String {
    let n = n as f64;
    let (value, unit) = if n >= 1e6 {
        (n / 1e6, "MB")
    } else if n >= 1e3 {
        (n / 1e3, "KB")
    } else {
        return format!("{n} B");
    };
    // Three significant digits for a value in [1, 1000), by its range: no logarithm
    // or power (which the page's code would then carry).
    let rounded = if value >= 100.0 {
        value.round()
    } else if value >= 10.0 {
        (value * 10.0).round() / 10.0
    } else {
        (value * 100.0).round() / 100.0
    };
    // 999,999 bytes round up to 1000 KB: written as the next unit.
    if unit == "KB" && rounded >= 1000.0 {
        return "1 MB".to_owned();
    }
    format!("{} {unit}", crate::base::quantity::number(rounded))
}

pub fn kind_text(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Module => Key::PlaygroundKindModule.text(lang),
        Kind::Component => Key::PlaygroundKindComponent.text(lang),
        Kind::NotWasm => Key::PlaygroundKindNotWasm.text(lang),
    }
}

/// A problem with its kind in words, the validator's message and the byte offset.
pub fn problem_text(error: &WasmError, lang: Lang) -> String {
    let kind = match error.kind {
        // Said in a sentence of their own: no offset or library message adds to them.
        ProblemKind::Empty => return Key::PlaygroundProblemEmptyDetail.text(lang).to_owned(),
        ProblemKind::NotWasm => return Key::PlaygroundProblemNotWasmDetail.text(lang).to_owned(),
        ProblemKind::Truncated => Key::PlaygroundProblemTruncated,
        ProblemKind::Malformed => Key::PlaygroundProblemMalformed,
        ProblemKind::Invalid => Key::PlaygroundProblemInvalid,
    };
    Key::PlaygroundProblem.fill(
        lang,
        &[
            ("kind", kind.text(lang)),
            ("offset", &format!("{:#x}", error.offset)),
            ("message", &error.message),
        ],
    )
}

/// A table of text cells; the cells of column `names`, when given, are function names,
/// written as people read them ([`name_cell`]).
fn table(
    h: &mut Html,
    class: &str,
    label: &str,
    heads: &[&str],
    rows: Vec<Vec<String>>,
    names: Option<usize>,
) {
    h.open_scroll_region(label);
    h.open("table", &[("class", &format!("compact {class}"))]);
    h.open("thead", &[]).open("tr", &[]);
    for head in heads {
        h.element("th", &[("scope", "col")], head);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for row in rows {
        h.open("tr", &[]);
        for (i, cell) in row.iter().enumerate() {
            let (tag, attrs): (&str, &[(&str, &str)]) = if i == 0 {
                ("th", &[("scope", "row")])
            } else {
                ("td", &[])
            };
            if names == Some(i) {
                h.open(tag, attrs);
                name_cell(h, cell);
                h.close(tag);
            } else {
                h.element(tag, attrs, cell);
            }
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

/// A function's name as people read it: a mangled Rust name (legacy `_ZN…17h…E` or
/// v0 `_R…`) demangled without its hash, the raw name on hover and in `data-raw`;
/// any other name as it is.
fn name_cell(h: &mut Html, raw: &str) {
    let read = crate::domain::run::trap::demangle(raw);
    if read == raw {
        h.text(raw);
    } else {
        h.element(
            "span",
            &[("class", "pg-demangled"), ("title", raw), ("data-raw", raw)],
            &read,
        );
    }
}

/// The summary: kind, size, version, functions, validity.
pub fn summary(h: &mut Html, i: &Inspection, name: &str, lang: Lang) {
    h.open("dl", &[("class", "pg-summary")]);
    let mut item = |key: Key, value: &str| {
        h.element("dt", &[], key.text(lang));
        h.element("dd", &[], value);
    };
    item(Key::PlaygroundName, name);
    item(Key::PlaygroundKind, kind_text(i.kind, lang));
    item(
        Key::PlaygroundSize,
        &if i.size < 1000 {
            bytes_text(i.size)
        } else {
            format!("{} ({} B)", bytes_text(i.size), i.size)
        },
    );
    if let Some(version) = i.version {
        item(Key::PlaygroundVersion, &version.to_string());
    }
    if i.kind == Kind::Module {
        item(
            Key::PlaygroundFunctions,
            &Key::PlaygroundFunctionsCount.fill(
                lang,
                &[
                    ("defined", &i.defined_functions.to_string()),
                    ("imported", &i.imported_functions.to_string()),
                    ("code", &bytes_text(i.code_size)),
                ],
            ),
        );
    }
    let verdict = match i.problem() {
        None if i.kind != Kind::NotWasm => Key::PlaygroundValid.text(lang).to_owned(),
        None => Key::PlaygroundKindNotWasm.text(lang).to_owned(),
        Some(e) => problem_text(e, lang),
    };
    item(Key::PlaygroundValidity, &verdict);
    h.close("dl");
}

/// Whether this browser supports a feature the lab knows (`None` when it does not).
pub type Supports<'a> = dyn Fn(&str) -> Option<bool> + 'a;

/// The features the binary needs, each against this browser.
pub fn features(h: &mut Html, i: &Inspection, supports: &Supports<'_>, lang: Lang) {
    h.element(
        "h3",
        &[("id", "pg-features-title")],
        Key::PlaygroundFeaturesTitle.text(lang),
    );
    let Some(needed) = &i.validation.features else {
        h.element(
            "p",
            &[("class", "note")],
            Key::PlaygroundFeaturesUnknown.text(lang),
        );
        return;
    };
    if i.kind == Kind::Component {
        // No feature makes a browser run a component: the playground's runner does.
        h.element(
            "p",
            &[("class", "pg-runs")],
            Key::PlaygroundComponentFeatures.text(lang),
        );
        return;
    }
    if needed.is_empty() {
        h.element(
            "p",
            &[("class", "pg-runs")],
            Key::PlaygroundFeaturesNone.text(lang),
        );
        expected_host(h, i, lang);
        return;
    }
    let mut lacking = Vec::new();
    h.open("ul", &[("class", "pg-features")]);
    for f in needed {
        let known = FEATURES.iter().find(|k| k.id == f.id);
        let name = known
            .map(|k| k.name.get(lang))
            .or_else(|| other_proposal_name(&f.id).map(|n| n.get(lang)))
            .unwrap_or(f.id.as_str());
        let (class, state) = match supports(&f.id) {
            Some(true) => ("yes", Key::PlaygroundFeatureHere.text(lang)),
            Some(false) => {
                lacking.push(name.to_owned());
                ("no", Key::PlaygroundFeatureMissing.text(lang))
            }
            None => ("unknown", Key::PlaygroundFeatureUnchecked.text(lang)),
        };
        h.open("li", &[("data-feature", &f.id), ("class", class)]);
        h.element("strong", &[], name);
        h.text(" · ").text(state);
        h.close("li");
    }
    h.close("ul");
    let verdict = if lacking.is_empty() {
        Key::PlaygroundRunsHere.text(lang).to_owned()
    } else {
        Key::PlaygroundLacks.fill(lang, &[("features", &lacking.join(", "))])
    };
    let class = if lacking.is_empty() {
        "pg-runs"
    } else {
        "pg-lacks"
    };
    h.element("p", &[("class", class)], &verdict);
    expected_host(h, i, lang);
}

/// Whose host the module's imports ask for, and what that means here.
fn expected_host(h: &mut Html, i: &Inspection, lang: Lang) {
    use crate::domain::run::{Expects, expects, plan};
    let text = match expects(i) {
        Expects::Nothing => Key::RunHostNone.text(lang).to_owned(),
        Expects::Wasi if plan(i).command => Key::RunHostWasi.text(lang).to_owned(),
        Expects::Wasi => Key::RunHostWasiLibrary.text(lang).to_owned(),
        Expects::Go(module) => Key::RunHostGo.fill(lang, &[("module", &module)]),
        Expects::WasmBindgen(module) => Key::RunHostBindgen.fill(lang, &[("module", &module)]),
        Expects::Emscripten(names) => {
            Key::RunHostEmscripten.fill(lang, &[("names", &names.join(", "))])
        }
        Expects::Other(modules) => {
            Key::RunHostOther.fill(lang, &[("modules", &modules.join(", "))])
        }
    };
    h.element("p", &[("class", "pg-host")], &text);
}

/// The section table's rows: id, name, offset, size, share of the file.
pub fn section_rows(i: &Inspection) -> Vec<Vec<String>> {
    i.sections
        .iter()
        .map(|s| {
            let share = if i.size == 0 {
                0.0
            } else {
                s.size as f64 / i.size as f64 * 100.0
            };
            vec![
                s.id.to_string(),
                s.name.clone(),
                format!("{:#x}", s.offset),
                s.size.to_string(),
                format!(
                    "{}%",
                    crate::base::quantity::number((share * 10.0).round() / 10.0)
                ),
            ]
        })
        .collect()
}

fn section_heads(lang: Lang) -> [&'static str; 5] {
    [
        Key::PlaygroundColId.text(lang),
        Key::PlaygroundColName.text(lang),
        Key::PlaygroundColOffset.text(lang),
        Key::PlaygroundColSize.text(lang),
        Key::PlaygroundColShare.text(lang),
    ]
}

/// The sections as CSV, for the download button.
pub fn sections_csv(i: &Inspection, lang: Lang) -> String {
    csv(&section_heads(lang), section_rows(i).into_iter())
}

/// The section table (the page draws the sections' chart above it, with its frame).
pub fn sections(h: &mut Html, i: &Inspection, lang: Lang) {
    let title = Key::PlaygroundSectionsTitle.text(lang);
    h.element("h3", &[], title);
    table(
        h,
        "pg-sections",
        title,
        &section_heads(lang),
        section_rows(i),
        None,
    );
}

/// Imports and exports with their kinds and types.
pub fn imports_exports(
    h: &mut Html,
    i: &Inspection,
    component: Option<&ComponentShown>,
    lang: Lang,
) {
    let kind = Key::PlaygroundColKind.text(lang);
    let ty = Key::PlaygroundColType.text(lang);
    let name = Key::PlaygroundColName.text(lang);
    if i.kind == Kind::Component {
        // The WIT types of its functions, as the runner read them (a valid component).
        let exported: Vec<(String, String)> = component
            .map(|c| {
                c.exports
                    .iter()
                    .map(|e| (e.name.clone(), e.wit.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let imported: Vec<(String, String)> = component
            .map(|c| {
                c.imports
                    .iter()
                    .filter_map(|line| line.split_once(": "))
                    .map(|(name, wit)| (name.to_owned(), wit.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        for (key, items, types) in [
            (
                Key::PlaygroundComponentImports,
                &i.component_imports,
                &imported,
            ),
            (
                Key::PlaygroundComponentExports,
                &i.component_exports,
                &exported,
            ),
        ] {
            let title = key.text(lang);
            h.element("h3", &[], title);
            if items.is_empty() {
                h.element("p", &[("class", "note")], Key::PlaygroundNone.text(lang));
                continue;
            }
            let rows = items
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        c.kind.name().to_owned(),
                        item_type(&c.name, types),
                    ]
                })
                .collect();
            table(h, "pg-items", title, &[name, kind, ty], rows, None);
        }
        return;
    }
    list_part(h, i, List::Imports, "", lang);
    list_part(h, i, List::Exports, "", lang);
}

/// A core module's imports or exports under their heading, those whose names hold
/// `query` (all when it is empty): what the page shows, and what it asks again with
/// the filter.
pub fn list_part(h: &mut Html, i: &Inspection, list: List, query: &str, lang: Lang) {
    let key = match list {
        List::Imports => Key::PlaygroundImportsTitle,
        List::Exports => Key::PlaygroundExportsTitle,
    };
    h.element("h3", &[], key.text(lang));
    h.open("div", &[("class", "pg-list"), ("data-list", list_id(list))]);
    list_table(h, i, list, query, lang);
    h.close("div");
}

/// The note on exports that cannot be called here (a parameter or result that is not
/// a number), naming the first of them.
pub fn uncallable(h: &mut Html, i: &Inspection, lang: Lang) {
    let uncallable = crate::domain::inspect::uncallable_exports(i);
    if !uncallable.is_empty() {
        let mut names = uncallable
            .iter()
            .take(UNCALLABLE_NAMES)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if uncallable.len() > UNCALLABLE_NAMES {
            names.push_str(&Key::PlaygroundAndMore.fill(
                lang,
                &[("n", &(uncallable.len() - UNCALLABLE_NAMES).to_string())],
            ));
        }
        h.element(
            "p",
            &[("class", "note pg-uncallable")],
            &Key::PlaygroundUncallable.fill(lang, &[("names", &names)]),
        );
    }
}

/// The most rows a table of imports or exports shows: past it, the first ones and a
/// note, and the page offers a filter by name (30,000 rows were 300,000 elements, a
/// 1.6 s task on the page's thread and half a second per key typed in the editor).
pub const LIST_ROWS: usize = 100;
/// The most names the note on exports that cannot be called lists.
const UNCALLABLE_NAMES: usize = 20;

/// The name a list goes by in markup (`data-list`).
pub fn list_id(list: List) -> &'static str {
    match list {
        List::Imports => "imports",
        List::Exports => "exports",
    }
}

/// The table of a core module's imports or exports whose names hold `query` (in
/// either case; all when it is empty): the first [`LIST_ROWS`], and a note when there
/// are more, or none.
pub fn list_table(h: &mut Html, i: &Inspection, list: List, query: &str, lang: Lang) {
    let folded = query.trim().to_lowercase();
    let rows: Box<dyn Iterator<Item = Vec<String>>> = match list {
        List::Imports => Box::new(i.imports.iter().map(|im| {
            vec![
                format!("{}.{}", im.module, im.name),
                im.ty.kind().to_owned(),
                im.ty.to_string(),
            ]
        })),
        List::Exports => Box::new(
            i.exports
                .iter()
                .map(|ex| vec![ex.name.clone(), ex.ty.kind().to_owned(), ex.ty.to_string()]),
        ),
    };
    let mut matching =
        rows.filter(|row| folded.is_empty() || row[0].to_lowercase().contains(&folded));
    let shown: Vec<Vec<String>> = matching.by_ref().take(LIST_ROWS).collect();
    let count = shown.len() + matching.count();
    if shown.is_empty() {
        let none = if folded.is_empty() {
            Key::PlaygroundNone.text(lang).to_owned()
        } else {
            Key::PlaygroundListNoMatch.fill(lang, &[("query", query.trim())])
        };
        h.element("p", &[("class", "note")], &none);
        return;
    }
    let (class, title, names) = match list {
        List::Imports => ("pg-imports", Key::PlaygroundImportsTitle, None),
        List::Exports => ("pg-exports", Key::PlaygroundExportsTitle, Some(0)),
    };
    let heads = [
        Key::PlaygroundColName.text(lang),
        Key::PlaygroundColKind.text(lang),
        Key::PlaygroundColType.text(lang),
    ];
    table(h, class, title.text(lang), &heads, shown, names);
    let (shown, count) = (LIST_ROWS.min(count).to_string(), count.to_string());
    if folded.is_empty() && count != shown {
        h.element(
            "p",
            &[("class", "note pg-list-cut")],
            &Key::PlaygroundListCut.fill(lang, &[("shown", &shown), ("count", &count)]),
        );
    } else if !folded.is_empty() {
        h.element(
            "p",
            &[("class", "note pg-list-cut")],
            &Key::PlaygroundListMatches.fill(
                lang,
                &[
                    ("shown", &shown),
                    ("count", &count),
                    ("query", query.trim()),
                ],
            ),
        );
    }
}

/// The custom sections the inspector decodes: names, producers, target features.
pub fn custom(h: &mut Html, i: &Inspection, lang: Lang) {
    h.element("h3", &[], Key::PlaygroundCustomTitle.text(lang));
    h.open("dl", &[("class", "pg-summary")]);
    h.element("dt", &[], Key::PlaygroundModuleName.text(lang));
    h.element(
        "dd",
        &[],
        i.module_name
            .as_deref()
            .unwrap_or(Key::PlaygroundNone.text(lang)),
    );
    h.element("dt", &[], Key::PlaygroundFunctionNames.text(lang));
    h.element("dd", &[], &i.function_name_count.to_string());
    h.element("dt", &[], Key::PlaygroundTargetFeatures.text(lang));
    let features: Vec<String> = i
        .target_features
        .iter()
        .map(|f| format!("{}{}", f.prefix, f.name))
        .collect();
    h.element(
        "dd",
        &[],
        &if features.is_empty() {
            Key::PlaygroundNone.text(lang).to_owned()
        } else {
            features.join(" ")
        },
    );
    let (count, size) = crate::domain::inspect::debug_info(&i.sections);
    if count > 0 {
        h.element("dt", &[], Key::PlaygroundDebugInfo.text(lang));
        let share = size as f64 / i.size.max(1) as f64 * 100.0;
        h.element(
            "dd",
            &[("class", "pg-debug-info")],
            &Key::PlaygroundDebugInfoValue.fill(
                lang,
                &[
                    ("size", &bytes_text(size)),
                    ("count", &count.to_string()),
                    (
                        "share",
                        &format!(
                            "{}%",
                            crate::base::quantity::number((share * 10.0).round() / 10.0)
                        ),
                    ),
                ],
            ),
        );
    }
    h.close("dl");
    if !i.function_names.is_empty() {
        // The names themselves, folded: a large module has thousands.
        h.open("details", &[("class", "pg-names")]);
        let summary = Key::PlaygroundNamesList.fill(
            lang,
            &[
                ("shown", &i.function_names.len().to_string()),
                ("count", &i.function_name_count.to_string()),
            ],
        );
        h.element("summary", &[], &summary);
        h.open("ol", &[("class", "pg-name-list")]);
        for (index, name) in &i.function_names {
            h.open("li", &[]).open("code", &[]);
            h.text(&format!("{index}: "));
            name_cell(h, name);
            h.close("code").close("li");
        }
        h.close("ol").close("details");
    }
    let title = Key::PlaygroundProducers.text(lang);
    h.element("h4", &[], title);
    if i.producers.is_empty() {
        h.element("p", &[("class", "note")], Key::PlaygroundNone.text(lang));
    } else {
        let rows = i
            .producers
            .iter()
            .map(|p| vec![p.field.clone(), p.name.clone(), p.version.clone()])
            .collect();
        table(
            h,
            "pg-producers",
            title,
            &[
                Key::PlaygroundColField.text(lang),
                Key::PlaygroundColName.text(lang),
                Key::PlaygroundColVersion.text(lang),
            ],
            rows,
            None,
        );
    }
}

/// The WIT type of a component's import or export `name`: a function's, or, for an
/// interface, each of its functions' (`add: func(a: u32, b: u32) -> u32; …`); empty
/// when the runner did not read it (an invalid component, a type it does not pass).
fn item_type(name: &str, types: &[(String, String)]) -> String {
    if let Some((_, wit)) = types.iter().find(|(n, _)| n == name) {
        return wit.clone();
    }
    types
        .iter()
        .filter_map(|(n, wit)| {
            let (interface, function) = n.split_once('#')?;
            (interface == name).then(|| format!("{function}: {wit}"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The largest functions by body size, with their names.
pub fn largest(h: &mut Html, i: &Inspection, lang: Lang) {
    if i.largest_functions.is_empty() {
        return;
    }
    let title = Key::PlaygroundLargestTitle.text(lang);
    h.element("h3", &[], title);
    let rows = i
        .largest_functions
        .iter()
        .map(|f| {
            let share = f.size as f64 / i.code_size.max(1) as f64 * 100.0;
            vec![
                f.index.to_string(),
                f.name.clone(),
                f.size.to_string(),
                format!(
                    "{}%",
                    crate::base::quantity::number((share * 10.0).round() / 10.0)
                ),
            ]
        })
        .collect();
    table(
        h,
        "pg-largest",
        title,
        &[
            Key::PlaygroundColIndex.text(lang),
            Key::PlaygroundColName.text(lang),
            Key::PlaygroundColSize.text(lang),
            Key::PlaygroundColShareCode.text(lang),
        ],
        rows,
        Some(1),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_show_their_first_rows_and_a_filter_finds_the_rest() {
        let exports: String = (0..250)
            .map(|n| format!("(export \"fn_{n}\" (func $f))"))
            .collect();
        let bytes =
            crate::domain::inspect::compile_wat(&format!("(module (func $f) {exports})")).unwrap();
        let i = crate::domain::inspect::structure(&bytes);
        let part = |query: &str| {
            let mut h = Html::new();
            list_part(&mut h, &i, List::Exports, query, Lang::En);
            h.finish()
        };
        let all = part("");
        assert_eq!(
            all.matches("<tr>").count(),
            LIST_ROWS + 1,
            "a head and 100 rows"
        );
        assert!(
            all.contains("The first 100 of 250: filter the names"),
            "{all}"
        );
        assert!(all.contains(">fn_99<") && !all.contains(">fn_100<"));
        // Found by the filter, in either case; what holds it, counted.
        let found = part(" FN_24 ");
        assert_eq!(
            found.matches("<tr>").count(),
            1 + 11,
            "fn_24 and fn_240 to fn_249"
        );
        assert!(
            found.contains("11 hold “FN_24”: the first 11 are shown."),
            "{found}"
        );
        assert!(part("nothing").contains("None holds “nothing”."));
        assert!(part("fn_7").contains("<h3>Exports</h3>"));
    }

    #[test]
    fn rust_names_are_demangled_with_the_raw_name_on_hover() {
        let cell = |raw: &str| {
            let mut h = Html::new();
            name_cell(&mut h, raw);
            h.finish()
        };
        let legacy = "_ZN4core3fmt5write17h0123456789abcdefE";
        assert_eq!(
            cell(legacy),
            format!(
                "<span class=\"pg-demangled\" title=\"{legacy}\" data-raw=\"{legacy}\">core::fmt::write</span>"
            )
        );
        let v0 = "_RNvCs1234_7mycrate4main";
        assert!(cell(v0).contains(">mycrate::main</span>"), "{}", cell(v0));
        // Plain names, and C++ names (not yet demangled), as they are.
        assert_eq!(cell("add"), "add");
        assert_eq!(cell("_Z3fooi"), "_Z3fooi");
        assert_eq!(cell("<a&b>"), "&lt;a&amp;b&gt;");
    }

    #[test]
    fn sizes_read_in_powers_of_a_thousand() {
        assert_eq!(bytes_text(812), "812 B");
        assert_eq!(bytes_text(12_400), "12.4 KB");
        assert_eq!(bytes_text(962_030), "962 KB");
        assert_eq!(bytes_text(9_020_441), "9.02 MB");
        assert_eq!(bytes_text(200_008), "200 KB");
        assert_eq!(bytes_text(999_999), "1 MB");
        assert_eq!(bytes_text(531), "531 B");
        assert_eq!(bytes_text(1_722_247), "1.72 MB");
    }
}
