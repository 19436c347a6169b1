//! The side-by-side comparison of two technologies: which two (from the link, else
//! the top two), the pickers as Leptos views bound to the pair, and the table.

use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::base::quantity::number;
use crate::data::tech::{Support, TECHNOLOGIES, Technology, technology};
use crate::domain::query::get_param;
use crate::domain::wizard::text::{
    criterion_key, exclusion_text, level_key, reason_basis, startup_text,
};
use crate::domain::wizard::{
    Answers, Artifact, COMPARE_PARAM, Criterion, Outcome, Place, fits, runs,
};
use crate::i18n::Key;
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};

/// The two technologies compared: from the link, else the top two of the ranking.
pub(super) fn compared(search: &str, outcome: &Outcome) -> [&'static Technology; 2] {
    let from_link: Vec<&'static Technology> = get_param(search, COMPARE_PARAM)
        .unwrap_or_default()
        .split(',')
        .filter_map(technology)
        .collect();
    if let [a, b, ..] = from_link[..] {
        return [a, b];
    }
    let mut picks = outcome.ranked.iter().map(|r| r.tech).chain(TECHNOLOGIES);
    let first = picks.next().unwrap_or(TECHNOLOGIES[0]);
    let second = picks
        .find(|t| t.code != first.code)
        .unwrap_or(TECHNOLOGIES[1]);
    [first, second]
}

/// The two pickers, each bound to its slot of the pair: `on_pick` gets the slot and
/// the technology chosen. The option shown follows the pair through each option's
/// `selected` property: the renderer sets a `<select>`'s own properties before its
/// options exist, so a `value` set there at creation would find none to select.
#[component]
pub(super) fn ComparePickers(
    pair: Memo<[&'static Technology; 2]>,
    on_pick: Callback<(usize, &'static Technology)>,
) -> impl IntoView {
    let lang = use_lang();
    let picker = move |slot: usize, label: Key| {
        let on_change = move |ev: leptos::ev::Event| {
            if let Some(tech) = technology(&event_target_value(&ev)) {
                on_pick.run((slot, tech));
            }
        };
        let options = TECHNOLOGIES
            .iter()
            .map(|tech| {
                view! {
                    <option value=tech.code prop:selected=move || pair.get()[slot].code == tech.code>
                        {move || tech.name.get(lang.get())}
                    </option>
                }
            })
            .collect_view();
        view! {
            <label class="field">
                {t(label)}
                <select data-compare=slot.to_string() on:change=on_change>
                    {options}
                </select>
            </label>
        }
    };
    view! {
        <div class="compare-pick">
            {picker(0, Key::WizardCompareFirst)} {picker(1, Key::WizardCompareSecond)}
        </div>
    }
}

pub(super) fn compare_table_html(
    a: &Answers,
    o: &Outcome,
    pair: &[&'static Technology; 2],
    lang: Lang,
) -> String {
    let mut h = Html::new();
    h.open("table", &[("class", "compact compare-table")]);
    h.open("thead", &[]).open("tr", &[]);
    h.element("th", &[("scope", "col")], Key::WizardAttribute.text(lang));
    for t in pair {
        h.element(
            "th",
            &[("scope", "col"), ("data-tech", t.code)],
            t.name.get(lang),
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let row = |h: &mut Html, label: &str, cells: [String; 2]| {
        h.open("tr", &[]);
        h.element("th", &[("scope", "row")], label);
        for cell in cells {
            h.element("td", &[], &cell);
        }
        h.close("tr");
    };
    let verdict = |t: &Technology| match o.ranked.iter().position(|r| r.tech.code == t.code) {
        Some(i) => format!(
            "#{} · {}",
            i + 1,
            Key::WizardScore.fill(lang, &[("score", &number(o.ranked[i].score.round()))])
        ),
        None => {
            let because: Vec<String> = o
                .excluded
                .iter()
                .filter(|e| e.tech.code == t.code)
                .flat_map(|e| e.because.iter().map(|c| exclusion_text(*c, t, a, lang)))
                .collect();
            format!("{}: {}", Key::WizardExcluded.text(lang), because.join("; "))
        }
    };
    row(&mut h, Key::WizardResults.text(lang), pair.map(verdict));
    row(
        &mut h,
        Key::WizardCStartup.text(lang),
        pair.map(|t| {
            let report = Key::WizardReportStart.fill(lang, &[("start", &startup_text(t, lang))]);
            format!("{}; {report}", reason_basis(Criterion::Startup, t, a, lang))
        }),
    );
    for c in [
        Criterion::Isolation,
        Criterion::Compatibility,
        Criterion::Footprint,
        Criterion::Overhead,
        Criterion::Maturity,
        Criterion::Cost,
    ] {
        row(
            &mut h,
            criterion_key(c).text(lang),
            pair.map(|t| reason_basis(c, t, a, lang)),
        );
    }
    let level = |s: Support| {
        format!(
            "{} — {}",
            level_key(s.level).text(lang),
            s.basis.text.get(lang)
        )
    };
    row(
        &mut h,
        Key::WizardRunsOci.text(lang),
        pair.map(|t| level(runs(t, Artifact::Oci))),
    );
    row(
        &mut h,
        Key::WizardNeedsKvm.text(lang),
        pair.map(|t| level(t.needs_kvm)),
    );
    row(
        &mut h,
        Key::WizardCGpu.text(lang),
        pair.map(|t| level(t.gpu)),
    );
    row(
        &mut h,
        Key::WizardCTee.text(lang),
        pair.map(|t| level(t.tee)),
    );
    row(
        &mut h,
        Key::WizardFitsK8s.text(lang),
        pair.map(|t| fits(t, Place::K8s).basis.text.get(lang).to_owned()),
    );
    h.close("tbody").close("table");
    h.finish()
}
