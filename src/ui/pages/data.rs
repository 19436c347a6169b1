//! The data page (`/data`): every figure in one table, filtered, searched and sorted
//! through the query string; CSV and JSON downloads; data notes; independent figures.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::data::facts::{
    Area, CLOUD_ADOPTION, EDGE_PLATFORMS, Fact, KUBERNETES_131_FEATURES, Maturity, RECOMMENDATIONS,
    RELEASES, SANDBOX_PROFILES,
};
use crate::data::figures::{FIGURES, Figure, Topic, figure, item_name, metric_name};
use crate::data::notes::{DATA_NOTES, INDEPENDENT_FIGURES, IndependentFigure};
use crate::data::sections::{section, sections_for};
use crate::domain::data_view::{Column, DataQuery, normalised};
use crate::domain::format::format_quantity;
use crate::domain::pages::Page;
use crate::domain::quantity::Kind;
use crate::domain::query::summarize;
use crate::domain::{export, prefs::Lang};
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::components::page_names::{lead_key, title_key};
use crate::ui::components::section_card::SectionSummary;
use crate::ui::i18n::{t, t_fill, use_lang};

#[component]
pub fn DataPage() -> impl IntoView {
    Effect::new(|_| browser::mark_content_ready());
    let location = use_location();
    let parsed = Memo::new(move |_| DataQuery::from_search(&location.search.get()));
    let query = Memo::new(move |_| parsed.get().0);
    let navigate = use_navigate();
    // The URL is the one source of truth: every control writes it, the table reads it.
    let set_query = move |next: DataQuery| {
        let search = next.to_search(&location.search.get_untracked());
        let path = location.pathname.get_untracked();
        navigate(
            &format!("{path}{search}"),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let set_query = StoredValue::new(set_query);
    let update = move |next: DataQuery| set_query.with_value(|f| f(next));

    view! {
        <div class="page data-page" data-page=Page::Data.path()>
            <h1>{t(title_key(Page::Data))}</h1>
            <p class="lead">{t(lead_key(Page::Data))}</p>
            {move || {
                let ignored = parsed.get().1;
                (!ignored.is_empty())
                    .then(|| {
                        let list: Vec<String> = ignored
                            .iter()
                            .map(|i| format!("{}={}", i.key, i.value))
                            .collect();
                        let list = summarize(&list, 4);
                        view! {
                            <div class="notice" role="status" data-notice="ignored-values">
                                <p>{t_fill(Key::DataIgnoredValues, move || vec![("list", list.clone())])}</p>
                            </div>
                        }
                    })
            }}
            <FigureTable query=query update=update />
            <ReportFacts />
            <DataNotes />
            <IndependentFigures />
            <section class="sections" aria-label=t(Key::SectionInReport)>
                {sections_for(Page::Data)
                    .map(|section| view! { <SectionSummary section=section /> })
                    .collect_view()}
            </section>
        </div>
    }
}

fn topic_key(topic: Topic) -> Key {
    match topic {
        Topic::Report => Key::TopicReport,
        Topic::Sandboxes => Key::TopicSandboxes,
        Topic::Market => Key::TopicMarket,
        Topic::Gpus => Key::TopicGpus,
        Topic::Engines => Key::TopicEngines,
        Topic::Kubernetes => Key::TopicKubernetes,
        Topic::Performance => Key::TopicPerformance,
        Topic::Wasm => Key::TopicWasm,
    }
}

fn column_key(column: Column) -> Key {
    match column {
        Column::Topic => Key::DataColTopic,
        Column::Item => Key::DataColItem,
        Column::Metric => Key::DataColMetric,
        Column::Value => Key::DataColValue,
        Column::Normalised => Key::DataColNormalised,
        Column::Section => Key::DataColSection,
        Column::Kind => Key::DataColKind,
    }
}

fn kind_key(kind: Kind) -> Key {
    match kind {
        Kind::Exact => Key::DataKindExact,
        Kind::Approximate => Key::DataKindApproximate,
        Kind::UpperBound => Key::DataKindUpper,
        Kind::LowerBound => Key::DataKindLower,
        Kind::Range => Key::DataKindRange,
    }
}

#[component]
fn FigureTable<F>(query: Memo<DataQuery>, update: F) -> impl IntoView
where
    F: Fn(DataQuery) + Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    let rows = Memo::new(move |_| query.get().apply(FIGURES, lang.get()));
    let shown = move || rows.with(Vec::len).to_string();
    let on_topic = move |ev: leptos::ev::Event| {
        let mut next = query.get_untracked();
        next.topic = Topic::parse(&event_target_value(&ev));
        update(next);
    };
    let on_search = move |ev: leptos::ev::Event| {
        let mut next = query.get_untracked();
        next.search = event_target_value(&ev);
        update(next);
    };
    // The downloads hold the whole dataset, whatever the table shows.
    let download = move |json: bool| {
        let all: Vec<&Figure> = FIGURES.iter().collect();
        if json {
            browser::download(
                "container-atlas-figures.json",
                "application/json",
                &export::to_json(&all),
            );
        } else {
            browser::download(
                "container-atlas-figures.csv",
                "text/csv;charset=utf-8",
                &export::to_csv(&all),
            );
        }
    };

    view! {
        <section class="figure-table" aria-labelledby="figures-title">
            <h2 id="figures-title">{t(Key::DataTableTitle)}</h2>
            <div class="data-controls">
                <label class="field">
                    <span>{t(Key::DataTopicLabel)}</span>
                    <select id="topic-filter" on:change=on_topic prop:value=move || query.get().topic.map_or("all", Topic::code)>
                        <option value="all">{t(Key::DataTopicAll)}</option>
                        {Topic::ALL
                            .into_iter()
                            .map(|topic| view! { <option value=topic.code()>{t(topic_key(topic))}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{t(Key::DataSearchLabel)}</span>
                    <input
                        id="figure-search"
                        type="search"
                        placeholder=t(Key::DataSearchPlaceholder)
                        prop:value=move || query.get().search
                        on:input=on_search
                    />
                </label>
                <div class="downloads">
                    <button type="button" data-download="csv" on:click=move |_| download(false)>
                        {t(Key::DataDownloadCsv)}
                    </button>
                    <button type="button" data-download="json" on:click=move |_| download(true)>
                        {t(Key::DataDownloadJson)}
                    </button>
                </div>
            </div>
            <p class="count" role="status" data-count=shown>
                {t_fill(Key::DataCount, move || vec![("shown", shown()), ("total", FIGURES.len().to_string())])}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Key::DataTableLabel)>
                <table id="figures">
                    <caption>{t(Key::DataCaption)}</caption>
                    <thead>
                        <tr>
                            {Column::ALL
                                .into_iter()
                                .map(|column| {
                                    let sort = move || {
                                        let q = query.get();
                                        match (q.sort == Some(column), q.descending) {
                                            (true, false) => "ascending",
                                            (true, true) => "descending",
                                            _ => "none",
                                        }
                                    };
                                    view! {
                                        <th scope="col" aria-sort=sort data-column=column.code()>
                                            <button type="button" on:click=move |_| update(query.get_untracked().toggle_sort(column))>
                                                {t(column_key(column))}
                                                <span class="sort-mark" aria-hidden="true">
                                                    {move || match sort() {
                                                        "ascending" => "▲",
                                                        "descending" => "▼",
                                                        _ => "↕",
                                                    }}
                                                </span>
                                            </button>
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        // Rows are re-rendered as plain text when the view or the
                        // language changes: far less code than a reactive cell each.
                        {move || {
                            let lang = lang.get();
                            rows.get().into_iter().map(|f| figure_row(f, lang)).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| {
                        view! {
                            <p class="empty">
                                {t(Key::DataEmpty)} " "
                                <button type="button" class="link-button" on:click=move |_| update(DataQuery::default())>
                                    {t(Key::DataClear)}
                                </button>
                            </p>
                        }
                    })
            }}
        </section>
    }
}

fn figure_row(figure: &'static Figure, lang: Lang) -> impl IntoView + use<> {
    let section_title = section(figure.section).map_or("", |s| s.title.get(lang));
    view! {
        <tr data-figure=figure.id>
            <td>{topic_key(figure.topic).text(lang)}</td>
            <th scope="row">{item_name(figure.item).get(lang)}</th>
            <td>{metric_name(figure.metric).get(lang)}</td>
            <td class="as-written" lang="zh">{figure.value}</td>
            <td class="num">{normalised(figure, lang)}</td>
            <td>{section_title}</td>
            <td>{kind_key(figure.quantity.amount.kind()).text(lang)}</td>
        </tr>
    }
}

/// A figure of the report, written out in full: "Firecracker · Startup time: <125 ms".
fn figure_line(id: &str, lang: Lang) -> String {
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

#[component]
fn DataNotes() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="data-notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{t(Key::DataNotesTitle)}</h2>
            <p class="note">{t(Key::DataNotesLead)}</p>
            <ul class="card-list">
                {move || {
                    let lang = lang.get();
                    DATA_NOTES
                        .iter()
                        .map(|note| {
                            let origin = if note.from_crosscheck { Key::DataNotesCrosscheck } else { Key::DataNotesFound };
                            view! {
                                <li class="data-note" data-note=note.id>
                                    <p>{note.text.get(lang)}</p>
                                    <ul class="figure-list">
                                        {note.figures.iter().map(|id| view! { <li>{figure_line(id, lang)}</li> }).collect_view()}
                                    </ul>
                                    <p class="origin">{origin.text(lang)}</p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn IndependentFigures() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="independent" aria-labelledby="independent-title">
            <h2 id="independent-title">{t(Key::DataIndependentTitle)}</h2>
            <p class="note">{t(Key::DataIndependentLead)}</p>
            <ul class="card-list">
                {move || {
                    let lang = lang.get();
                    INDEPENDENT_FIGURES.iter().map(|f| independent_card(f, lang)).collect_view()
                }}
            </ul>
        </section>
    }
}

fn independent_card(figure: &'static IndependentFigure, lang: Lang) -> impl IntoView + use<> {
    let claim = match figure.claim_text {
        Some(text) => text.get(lang).to_owned(),
        None => figure
            .claims
            .iter()
            .map(|id| figure_line(id, lang))
            .collect::<Vec<_>>()
            .join("; "),
    };
    let date = figure.date.unwrap_or(Key::DataDateUnknown.text(lang));
    view! {
        <li class="independent-figure" data-independent=figure.id>
            <dl>
                <dt>{Key::DataReportSays.text(lang)}</dt>
                <dd>{claim}</dd>
                <dt>{Key::DataOthers.text(lang)}</dt>
                <dd class="independent-value">{figure.figure.get(lang)}</dd>
                <dt>{Key::DataSource.text(lang)}</dt>
                <dd>
                    <cite>{figure.source}</cite>
                </dd>
                <dt>{Key::DataDate.text(lang)}</dt>
                <dd>{date}</dd>
            </dl>
            {figure.caution.then(|| view! { <p class="caution">{Key::DataCaution.text(lang)}</p> })}
        </li>
    }
}

fn fact_list(facts: &'static [Fact], lang: Lang) -> impl IntoView + use<> {
    view! { <ul>{facts.iter().map(|f| view! { <li>{f.text.get(lang)}</li> }).collect_view()}</ul> }
}

fn area_key(area: Area) -> Key {
    match area {
        Area::Engine => Key::DataAreaEngine,
        Area::Orchestration => Key::DataAreaOrchestration,
        Area::Sandbox => Key::DataAreaSandbox,
        Area::Gpu => Key::DataAreaGpu,
    }
}

/// The report's statements in words, rendered as plain text per language.
#[component]
fn ReportFacts() -> impl IntoView {
    let lang = use_lang();
    let from = |id: &str, lang: Lang| {
        let title = section(id).map_or("", |s| s.title.get(lang));
        Key::DataFactsFrom.fill(lang, &[("section", title)])
    };
    move || {
        let lang = lang.get();
        let names = |ids: &[&str]| {
            ids.iter()
                .map(|id| item_name(id).get(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        view! {
            <section class="report-facts" aria-labelledby="facts-title">
                <h2 id="facts-title">{Key::DataFactsTitle.text(lang)}</h2>
                <p class="note">{Key::DataFactsLead.text(lang)}</p>
                <div class="profile-grid">
                    {SANDBOX_PROFILES
                        .iter()
                        .map(|p| {
                            view! {
                                <article class="profile" data-profile=p.item>
                                    <h3>{item_name(p.item).get(lang)}</h3>
                                    <h4>{Key::DataFactsTraits.text(lang)}</h4>
                                    {fact_list(p.traits, lang)}
                                    <h4>{Key::DataFactsFeatures.text(lang)}</h4>
                                    {fact_list(p.features_2025, lang)}
                                    <h4>{Key::DataFactsScenarios.text(lang)}</h4>
                                    {fact_list(p.scenarios, lang)}
                                </article>
                            }
                        })
                        .collect_view()}
                </div>
                <p class="origin">{from("lightv", lang)}</p>
                <h3>{Key::DataFactsAdoption.text(lang)}</h3>
                <table class="compact">
                    <thead>
                        <tr>
                            <th scope="col">{Key::DataFactsService.text(lang)}</th>
                            <th scope="col">{Key::DataFactsSandbox.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {CLOUD_ADOPTION
                            .iter()
                            .map(|a| view! { <tr><th scope="row">{a.service.get(lang)}</th><td>{item_name(a.item).get(lang)}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
                <h3>{Key::DataFactsK8s.text(lang)}</h3>
                <ul class="maturity-list">
                    {KUBERNETES_131_FEATURES
                        .iter()
                        .map(|f| {
                            let stage = match f.maturity {
                                Maturity::Improved => Key::DataFactsImproved.text(lang),
                                other => other.code(),
                            };
                            view! {
                                <li data-maturity=f.maturity.code()>
                                    <span class="badge">{stage}</span>
                                    " "
                                    <strong>{f.name.get(lang)}</strong>
                                    ": "
                                    {f.fact.text.get(lang)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p class="origin">{from("k8s-131", lang)}</p>
                <h3>{Key::DataFactsReleases.text(lang)}</h3>
                {fact_list(RELEASES, lang)}
                <h3>{Key::DataFactsEdge.text(lang)}</h3>
                {fact_list(EDGE_PLATFORMS, lang)}
                <p class="origin">{from("wasm", lang)}</p>
                <h3>{Key::DataFactsRecommendations.text(lang)}</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label=Key::DataFactsRecommendations.text(lang)>
                    <table class="compact">
                        <thead>
                            <tr>
                                <th scope="col">{Key::DataFactsArea.text(lang)}</th>
                                <th scope="col">{Key::DataFactsNeed.text(lang)}</th>
                                <th scope="col">{Key::DataFactsPicks.text(lang)}</th>
                                <th scope="col">{Key::DataFactsReason.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {RECOMMENDATIONS
                                .iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td>{area_key(r.area).text(lang)}</td>
                                            <td>{r.need.get(lang)}</td>
                                            <th scope="row">{names(r.picks)}</th>
                                            <td>{r.reason.text.get(lang)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="origin">{from("selection", lang)}</p>
            </section>
        }
    }
}
