//! The data page (`/data`): every figure in one table, filtered, searched and sorted
//! through the query string; CSV and JSON downloads; data notes; independent figures.

use crate::ui::route::use_location;
use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::base::quantity::Kind;
use crate::data::figures::{FIGURES, Figure, Topic, figure, item_name, metric_name};
use crate::data::notes::{DATA_NOTES, NoteKind};
use crate::data::sections::{section, sections_for};
use crate::domain::data_view::{Column, DataQuery, normalised};
use crate::domain::format::report_quote;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::components::evidence::{EVIDENCE_TITLE_ID, evidence_table, sources};
use crate::ui::components::page_intro::{INDEPENDENT_TITLE_ID, html_section, independent_figures};
use crate::ui::components::page_names::{lead_key, title_key};
use crate::ui::components::report_blocks::{figure_line, report_facts};
use crate::ui::components::section_card::section_summary;
use crate::ui::components::sort_header::SortState;
use crate::ui::html::Html;
use crate::ui::i18n::{t, t_fill, use_lang};
use crate::ui::notices::ignored_values_notice;
use crate::ui::pages::code;
use crate::ui::query::{History, use_query_writer};

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    Effect::new(|_| browser::mark_content_ready());
    let location = use_location();
    let parsed = Memo::new(move |_| DataQuery::from_search(&location.search.get()));
    let query = Memo::new(move |_| parsed.get().0);
    let writer = use_query_writer();
    // The URL is the one source of truth: every control writes it, the table reads it.
    let update =
        move |next: DataQuery| writer.update(History::Replace, |search| next.to_search(search));

    view! {
        <div class="page data-page" data-page=Page::Data.path()>
            <h1>{t(title_key(Page::Data))}</h1>
            <p class="lead">{t(lead_key(Page::Data))}</p>
            {ignored_values_notice("ignored-values", Key::DataIgnoredValues, move || parsed.get().1)}
            <FigureTable query=query update=update />
            {html_section("report-facts", Some("facts-title"), report_facts)}
            {html_section("data-notes", Some("notes-title"), data_notes)}
            {html_section("evidence", Some(EVIDENCE_TITLE_ID), |h, lang| evidence_table(h, lang, "h2"))}
            {html_section(
                "independent",
                Some(INDEPENDENT_TITLE_ID),
                |h, lang| independent_figures(h, lang, None),
            )}
            <section
                class="sections"
                aria-label=t(Key::SectionInReport)
                inner_html=move || {
                    let mut h = Html::new();
                    for section in sections_for(Page::Data) {
                        section_summary(&mut h, section, lang.get());
                    }
                    h.finish()
                }
            ></section>
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
    // The downloads hold the whole dataset, whatever the table shows. Their code comes
    // when first needed (`code::load_export`); if it cannot be fetched, a notice says
    // so and the next click tries again.
    let download_failed = RwSignal::new(false);
    let download = move |json: bool| {
        leptos::task::spawn_local(async move {
            match code::load_export().await {
                Ok(file) => {
                    download_failed.try_set(false);
                    let (name, mime, text) = file(json);
                    browser::download(name, mime, &text);
                }
                Err(_) => drop(download_failed.try_set(true)),
            }
        });
    };
    let prefetched = StoredValue::new(false);
    let prefetch = move || {
        if !prefetched.get_value() {
            prefetched.set_value(true);
            code::prefetch_export();
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
                <div class="downloads" on:pointerover=move |_| prefetch() on:focusin=move |_| prefetch()>
                    <button type="button" data-download="csv" on:click=move |_| download(false)>
                        {t(Key::DataDownloadCsv)}
                    </button>
                    <button type="button" data-download="json" on:click=move |_| download(true)>
                        {t(Key::DataDownloadJson)}
                    </button>
                </div>
            </div>
            {move || {
                download_failed
                    .get()
                    .then(|| view! { <p class="notice download-failed" role="alert">{t(Key::DataDownloadFailed)}</p> })
            }}
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
                                        SortState::of(q.sort == Some(column), q.descending)
                                    };
                                    view! {
                                        <th scope="col" aria-sort=move || sort().aria() data-column=column.code()>
                                            <button type="button" on:click=move |_| update(query.get_untracked().toggle_sort(column))>
                                                {t(column_key(column))}
                                                <span class="sort-mark" aria-hidden="true">
                                                    {move || sort().mark()}
                                                </span>
                                            </button>
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    // Rows are re-rendered as escaped text when the view or the language
                    // changes: far less code than a reactive cell each.
                    <tbody inner_html=move || {
                        let lang = lang.get();
                        let mut html = Html::new();
                        for f in rows.get() {
                            figure_row(&mut html, f, lang);
                        }
                        html.finish()
                    }></tbody>
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

fn figure_row(h: &mut Html, figure: &Figure, lang: Lang) {
    let section_title = section(figure.section).map_or("", |s| s.title.get(lang));
    h.open("tr", &[("data-figure", figure.id)]);
    h.element("td", &[], topic_key(figure.topic).text(lang));
    h.element("th", &[("scope", "row")], item_name(figure.item).get(lang));
    h.element("td", &[], metric_name(figure.metric).get(lang));
    h.element(
        "td",
        &[("class", "as-written"), ("lang", "zh")],
        figure.value,
    );
    h.element("td", &[("class", "num")], &normalised(figure, lang));
    // The section, and under it the report's own words around the value.
    h.open("td", &[]).text(section_title);
    h.element(
        "q",
        &[("lang", "zh"), ("class", "quote report-quote")],
        report_quote(figure.quote_zh),
    );
    h.close("td");
    h.element(
        "td",
        &[],
        kind_key(figure.quantity.amount.kind()).text(lang),
    );
    h.close("tr");
}

fn data_notes(h: &mut Html, lang: Lang) {
    h.element(
        "h2",
        &[("id", "notes-title")],
        Key::DataNotesTitle.text(lang),
    );
    h.element("p", &[("class", "note")], Key::DataNotesLead.text(lang));
    h.open("ul", &[("class", "card-list")]);
    for note in DATA_NOTES {
        let origin = if note.from_crosscheck {
            Key::DataNotesCrosscheck
        } else {
            Key::DataNotesFound
        };
        let kind = match note.kind {
            NoteKind::Contradiction => Key::EvidenceNoteContradiction,
            NoteKind::Implausible => Key::EvidenceNoteImplausible,
            NoteKind::Observation => Key::EvidenceNoteObservation,
        };
        h.open(
            "li",
            &[
                ("class", "data-note"),
                ("data-note", note.id),
                ("data-kind", note.kind.code()),
            ],
        );
        h.element("p", &[("class", "note-kind")], kind.text(lang));
        h.element("p", &[], note.text.get(lang));
        h.open("ul", &[("class", "figure-list")]);
        for id in note.figures {
            h.open("li", &[]).text(&figure_line(id, lang));
            if let Some(f) = figure(id) {
                h.text(" ")
                    .element("q", &[("lang", "zh"), ("class", "quote")], f.quote_zh);
            }
            h.close("li");
        }
        for (section_id, zh) in note.quotes {
            h.open("li", &[]);
            h.element("q", &[("lang", "zh"), ("class", "quote")], zh);
            if let Some(s) = section(section_id) {
                h.text(" — ").element("cite", &[], s.title.get(lang));
            }
            h.close("li");
        }
        h.close("ul");
        if !note.sources.is_empty() {
            sources(h, note.sources, lang);
        }
        h.element("p", &[("class", "origin")], origin.text(lang));
        h.close("li");
    }
    h.close("ul");
}
