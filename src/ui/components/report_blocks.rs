//! The report's statements as static HTML, shared by /data and the pages that show
//! them beside their charts: sandbox profiles, cloud adoption, Kubernetes features,
//! recommendations, and independent figures.

use crate::base::lang::Lang;
use crate::data::facts::{
    Area, CLOUD_ADOPTION, EDGE_PLATFORMS, Fact, KUBERNETES_131_FEATURES, Maturity, RECOMMENDATIONS,
    RELEASES, SANDBOX_PROFILES,
};
use crate::data::figures::{FIGURES, figure, item_name, metric_name};
use crate::data::notes::IndependentFigure;
use crate::data::sections::section;
use crate::domain::format::format_quantity;
use crate::i18n::Key;
use crate::ui::components::evidence::sources;
use crate::ui::html::Html;

/// A figure of the report, written out in full: "Firecracker · Startup time: <125 ms".
pub fn figure_line(id: &str, lang: Lang) -> String {
    match figure(id) {
        Some(f) => format!(
            "{} · {}: {}",
            item_name(f.item).get(lang),
            metric_name(f.metric).get(lang),
            format_quantity(f.quantity, f.signed, lang)
        ),
        None => id.to_owned(),
    }
}

pub fn independent_card(h: &mut Html, figure: &IndependentFigure, lang: Lang) {
    let claim = match figure.claim_text {
        Some(text) => text.get(lang).to_owned(),
        None => figure
            .claims
            .iter()
            .map(|id| figure_line(id, lang))
            .collect::<Vec<_>>()
            .join("; "),
    };
    h.open(
        "li",
        &[
            ("class", "independent-figure"),
            ("data-independent", figure.id),
        ],
    );
    h.open("dl", &[]);
    h.element("dt", &[], Key::DataReportSays.text(lang));
    h.element("dd", &[], &claim);
    h.element("dt", &[], Key::DataOthers.text(lang));
    h.element(
        "dd",
        &[("class", "independent-value")],
        figure.figure.get(lang),
    );
    h.element("dt", &[], Key::DataSource.text(lang));
    h.open("dd", &[]);
    if figure.links.is_empty() {
        h.element("cite", &[], figure.source);
        h.element("p", &[("class", "as-of")], Key::DataDateUnknown.text(lang));
    } else {
        sources(h, figure.links, lang);
    }
    h.close("dd");
    h.close("dl");
    if figure.caution {
        h.element("p", &[("class", "caution")], Key::DataCaution.text(lang));
    }
    h.close("li");
}

pub fn fact_list(html: &mut Html, facts: &[Fact], lang: Lang) {
    html.open("ul", &[]);
    for f in facts {
        html.element("li", &[], f.text.get(lang));
    }
    html.close("ul");
}

pub fn area_key(area: Area) -> Key {
    match area {
        Area::Engine => Key::DataAreaEngine,
        Area::Orchestration => Key::DataAreaOrchestration,
        Area::Sandbox => Key::DataAreaSandbox,
        Area::Gpu => Key::DataAreaGpu,
    }
}

/// "From: <section>", under a block taken from the report.
pub fn from_section(h: &mut Html, id: &str, lang: Lang) {
    let title = section(id).map_or("", |s| s.title.get(lang));
    h.element(
        "p",
        &[("class", "origin")],
        &Key::DataFactsFrom.fill(lang, &[("section", title)]),
    );
}

/// A card per sandbox the report profiles: traits, 2025 features, scenarios.
pub fn sandbox_profiles(h: &mut Html, lang: Lang) {
    h.open("div", &[("class", "profile-grid")]);
    for p in SANDBOX_PROFILES {
        h.open("article", &[("class", "profile"), ("data-profile", p.item)]);
        h.element("h3", &[], item_name(p.item).get(lang));
        version_line(h, p.item);
        for (key, facts) in [
            (Key::DataFactsTraits, p.traits),
            (Key::DataFactsFeatures, p.features_2025),
            (Key::DataFactsScenarios, p.scenarios),
        ] {
            h.element("h4", &[], key.text(lang));
            fact_list(h, facts, lang);
        }
        h.close("article");
    }
    h.close("div");
    from_section(h, "lightv", lang);
}

/// Which cloud service runs which sandbox.
pub fn cloud_adoption(h: &mut Html, lang: Lang) {
    h.element(
        "h3",
        &[("id", "adoption")],
        Key::DataFactsAdoption.text(lang),
    );
    h.open("table", &[("class", "compact")])
        .open("thead", &[])
        .open("tr", &[]);
    h.element("th", &[("scope", "col")], Key::DataFactsService.text(lang));
    h.element("th", &[("scope", "col")], Key::DataFactsSandbox.text(lang));
    h.close("tr").close("thead").open("tbody", &[]);
    for a in CLOUD_ADOPTION {
        h.open("tr", &[]);
        h.element("th", &[("scope", "row")], a.service.get(lang));
        h.element("td", &[], item_name(a.item).get(lang));
        h.close("tr");
    }
    h.close("tbody").close("table");
}

/// The Kubernetes 1.31 features: the stage the report gives each, beside what the
/// Kubernetes project's release announcements and KEPs say, with links.
pub fn kubernetes_features(h: &mut Html, lang: Lang) {
    h.element("h3", &[], Key::EvidenceK8sTitle.text(lang));
    h.element("p", &[("class", "note")], Key::EvidenceK8sLead.text(lang));
    h.open_scroll_region(Key::EvidenceK8sTitle.text(lang));
    h.open("table", &[("class", "compact k8s-features")])
        .open("thead", &[])
        .open("tr", &[]);
    for key in [
        Key::EvidenceK8sFeature,
        Key::EvidenceK8sWhat,
        Key::EvidenceK8sReport,
        Key::EvidenceK8sNotes,
    ] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for f in KUBERNETES_131_FEATURES {
        let stage = match f.maturity {
            Maturity::Improved => Key::DataFactsImproved.text(lang),
            other => other.code(),
        };
        let mut attrs = vec![("data-maturity", f.maturity.code())];
        if !f.release_notes.agrees {
            attrs.push(("class", "report-differs"));
        }
        h.open("tr", &attrs);
        h.element("th", &[("scope", "row")], f.name.get(lang));
        h.open("td", &[]);
        h.text(f.fact.text.get(lang));
        h.element("q", &[("lang", "zh"), ("class", "quote")], f.fact.quote_zh);
        h.close("td");
        h.open("td", &[])
            .element("span", &[("class", "badge")], stage);
        h.close("td");
        h.open("td", &[("data-release-notes", "")]);
        if !f.release_notes.agrees {
            h.element("strong", &[], Key::EvidenceK8sDiffers.text(lang));
            h.text(": ");
        }
        h.text(f.release_notes.stage.get(lang));
        sources(h, f.release_notes.sources, lang);
        h.close("td");
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    from_section(h, "k8s-131", lang);
}

/// The report's recommendations for these areas, as a table.
pub fn recommendations(h: &mut Html, lang: Lang, areas: &[Area]) {
    let title = Key::DataFactsRecommendations.text(lang);
    h.open_scroll_region(title);
    h.open("table", &[("class", "compact")])
        .open("thead", &[])
        .open("tr", &[]);
    for key in [
        Key::DataFactsArea,
        Key::DataFactsNeed,
        Key::DataFactsPicks,
        Key::DataFactsReason,
    ] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for r in RECOMMENDATIONS.iter().filter(|r| areas.contains(&r.area)) {
        let picks: Vec<&str> = r.picks.iter().map(|id| item_name(id).get(lang)).collect();
        h.open("tr", &[]);
        h.element("td", &[], area_key(r.area).text(lang));
        h.element("td", &[], r.need.get(lang));
        h.element("th", &[("scope", "row")], &picks.join(", "));
        h.element("td", &[], r.reason.text.get(lang));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    from_section(h, "selection", lang);
}

/// The report's statements in words, as static HTML in the reader's language.
pub fn report_facts(h: &mut Html, lang: Lang) {
    h.element(
        "h2",
        &[("id", "facts-title")],
        Key::DataFactsTitle.text(lang),
    );
    h.element("p", &[("class", "note")], Key::DataFactsLead.text(lang));
    sandbox_profiles(h, lang);
    cloud_adoption(h, lang);
    kubernetes_features(h, lang);
    h.element("h3", &[], Key::DataFactsReleases.text(lang));
    fact_list(h, RELEASES, lang);
    h.element("h3", &[], Key::DataFactsEdge.text(lang));
    fact_list(h, EDGE_PLATFORMS, lang);
    from_section(h, "wasm", lang);
    h.element("h3", &[], Key::DataFactsRecommendations.text(lang));
    recommendations(
        h,
        lang,
        &[Area::Engine, Area::Orchestration, Area::Sandbox, Area::Gpu],
    );
}

/// The report's picks in one area side by side: a card per pick with its version,
/// the need it suits and the report's reasons.
pub fn side_by_side(h: &mut Html, lang: Lang, area: Area) {
    h.open("div", &[("class", "pair"), ("data-area", area_code(area))]);
    for r in RECOMMENDATIONS.iter().filter(|r| r.area == area) {
        h.open("article", &[("class", "profile")]);
        let names: Vec<&str> = r.picks.iter().map(|id| item_name(id).get(lang)).collect();
        h.element("h3", &[], &names.join(", "));
        for id in r.picks {
            version_line(h, id);
        }
        h.element("h4", &[], Key::DataFactsNeed.text(lang));
        h.element("p", &[], r.need.get(lang));
        h.element("h4", &[], Key::DataFactsReason.text(lang));
        h.element("p", &[], r.reason.text.get(lang));
        h.close("article");
    }
    h.close("div");
}

fn area_code(area: Area) -> &'static str {
    match area {
        Area::Engine => "engine",
        Area::Orchestration => "orchestration",
        Area::Sandbox => "sandbox",
        Area::Gpu => "gpu",
    }
}

/// The version the report gives for an item, if any ("v1.6+").
fn version_line(h: &mut Html, item: &str) {
    if let Some(version) = FIGURES
        .iter()
        .find(|f| f.item == item && f.metric == "version")
    {
        // As the report writes it: "25.0" is a release line, not the number 25.
        let written = version.value.trim_start_matches(['v', 'V']);
        h.element("p", &[("class", "version")], &format!("v{written}"));
    }
}
