//! How the engine works: its rules, the weights these answers give each criterion and
//! what each rests on, and what every technology can do.

use crate::base::lang::Lang;
use crate::base::quantity::number;
use crate::data::tech::{Support, TECHNOLOGIES, Technology};
use crate::domain::wizard::text::{criterion_basis, criterion_key, level_key};
use crate::domain::wizard::{Answers, Artifact, Criterion, runs, weight};
use crate::i18n::Key;
use crate::ui::components::evidence::evidence_table;
use crate::ui::html::Html;

pub(super) fn how_html(a: &Answers, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[("id", "how-title")], Key::WizardHow.text(lang));
    for key in [
        Key::WizardHowLead,
        Key::WizardHowConstraints,
        Key::WizardHowWeights,
    ] {
        h.element("p", &[], key.text(lang));
    }
    h.open("table", &[("class", "compact weights")]);
    h.open("thead", &[]).open("tr", &[]);
    for key in [Key::WizardCriterion, Key::WizardWeight, Key::WizardBasis] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for c in &Criterion::ALL {
        let w = weight(*c, a);
        h.open("tr", &[("data-criterion", c.code())]);
        h.element("th", &[("scope", "row")], criterion_key(*c).text(lang));
        h.element("td", &[("class", "num")], &number(w));
        h.element("td", &[], criterion_basis(*c).text(lang));
        h.close("tr");
    }
    h.close("tbody").close("table");
    h.element("p", &[], Key::WizardHowBias.text(lang));
    h.open("details", &[]);
    h.element("summary", &[], Key::WizardTechnologies.text(lang));
    h.open_scroll_region(Key::WizardTechnologies.text(lang));
    h.open("table", &[("class", "compact")]);
    h.open("thead", &[]).open("tr", &[]);
    h.element("th", &[("scope", "col")], Key::WizardAttribute.text(lang));
    for t in TECHNOLOGIES {
        h.element("th", &[("scope", "col")], t.name.get(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    type Attribute = fn(&Technology) -> Support;
    let rows: [(Key, Attribute); 4] = [
        (Key::WizardNeedsKvm, |t| t.needs_kvm),
        (Key::WizardCGpu, |t| t.gpu),
        (Key::WizardCTee, |t| t.tee),
        (Key::WizardRunsOci, |t| runs(t, Artifact::Oci)),
    ];
    for (key, support) in rows {
        h.open("tr", &[]);
        h.element("th", &[("scope", "row")], key.text(lang));
        for t in TECHNOLOGIES {
            let s = support(t);
            h.open("td", &[]);
            h.element("strong", &[], level_key(s.level).text(lang));
            h.element("span", &[("class", "basis")], s.basis.text.get(lang));
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("details");
    evidence_table(&mut h, lang, "h3");
    h.finish()
}
