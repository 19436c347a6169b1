//! What a GPU buyer needs beside the report's figures: the words of the report's
//! comparison table (container support, ecosystem maturity, self-reliance), which
//! card each of its columns stands for, and the ways to share one GPU.

use crate::base::lang::Text;

/// A word of the report's comparison table, in its place on a scale from worst (0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Word {
    /// The report's word, verbatim.
    pub zh: &'static str,
    pub en: &'static str,
    pub rank: u8,
}

impl Word {
    pub fn text(self) -> Text {
        Text {
            en: self.en,
            zh: self.zh,
        }
    }
}

const EARLY: Word = Word {
    zh: "初期",
    en: "Early",
    rank: 0,
};
const MODERATE: Word = Word {
    zh: "中等",
    en: "Moderate",
    rank: 1,
};
const FAIRLY_GOOD: Word = Word {
    zh: "较好",
    en: "Fairly good",
    rank: 2,
};
const MOST_MATURE: Word = Word {
    zh: "最成熟",
    en: "Most mature",
    rank: 3,
};
/// The four words the report uses for ecosystem maturity, from least to most.
pub const MATURITY_SCALE: [Word; 4] = [EARLY, MODERATE, FAIRLY_GOOD, MOST_MATURE];

const NOT_DOMESTIC: Word = Word {
    zh: "否",
    en: "No",
    rank: 0,
};
const PARTLY: Word = Word {
    zh: "部分自主",
    en: "Partly self-developed",
    rank: 1,
};
const FULLY: Word = Word {
    zh: "完全自主",
    en: "Fully self-developed",
    rank: 2,
};

/// The report's comparison table (section `gpu`), rows as the report writes them.
pub const TABLE_HEADER: &str = "| 维度 | 天数智芯 | 摩尔线程 | 壁仞科技 | 海光DCU | NVIDIA A100 |";
pub const MATURITY_ROW: &str = "| 生态成熟度 | 中等 | 中等 | 初期 | 较好 | 最成熟 |";
pub const SELF_RELIANCE_ROW: &str = "| 国产化 | 完全自主 | 完全自主 | 完全自主 | 部分自主 | 否 |";

/// One column of the report's comparison table: a vendor, the words the table gives
/// it, and the card whose figures the column repeats.
#[derive(Clone, Copy, Debug)]
pub struct VendorColumn {
    /// Item id of the vendor (`data/items.tsv`), also the key of the chart rows.
    pub vendor: &'static str,
    /// The column's head in the report, verbatim.
    pub head_zh: &'static str,
    /// Figure id of the table's container-support stars.
    pub container_stars: &'static str,
    pub maturity: Word,
    pub self_reliance: Word,
    /// The container stack the report names for the vendor, verbatim (section `gpu`).
    pub stack_zh: &'static [&'static str],
    /// The card, among those the report describes, whose figures the column gives;
    /// `None` where no card matches (Biren: see the data note).
    pub card: Option<&'static str>,
}

pub const VENDOR_COLUMNS: [VendorColumn; 5] = [
    VendorColumn {
        vendor: "iluvatar",
        stack_zh: &["ixrt运行时2.5", "Docker、Kubernetes完整支持"],
        head_zh: "天数智芯",
        container_stars: "compare.iluvatar.container-stars",
        maturity: MODERATE,
        self_reliance: FULLY,
        card: Some("iluvatar-mr-v200"),
    },
    VendorColumn {
        vendor: "moore-threads",
        stack_zh: &["musa-docker v2.0", "Kubernetes device-plugin"],
        head_zh: "摩尔线程",
        container_stars: "compare.moore-threads.container-stars",
        maturity: MODERATE,
        self_reliance: FULLY,
        card: Some("mtt-s80"),
    },
    VendorColumn {
        vendor: "biren",
        stack_zh: &["br-container-runtime", "Kubernetes GPU Operator适配"],
        head_zh: "壁仞科技",
        container_stars: "compare.biren.container-stars",
        maturity: EARLY,
        self_reliance: FULLY,
        card: None,
    },
    VendorColumn {
        vendor: "hygon",
        stack_zh: &["ROCm容器: rocm/pytorch、rocm/tensorflow"],
        head_zh: "海光DCU",
        container_stars: "compare.hygon.container-stars",
        maturity: FAIRLY_GOOD,
        self_reliance: PARTLY,
        card: Some("hygon-z100"),
    },
    VendorColumn {
        vendor: "a100",
        stack_zh: &[],
        head_zh: "NVIDIA A100",
        container_stars: "compare.a100.container-stars",
        maturity: MOST_MATURE,
        self_reliance: NOT_DOMESTIC,
        card: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::figure;
    use crate::data::sections::section_text;

    /// The cells of a table row, without its first (the row's name).
    fn cells(row: &str) -> Vec<&str> {
        row.trim_matches('|')
            .split('|')
            .map(str::trim)
            .skip(1)
            .collect()
    }

    #[test]
    fn the_words_are_the_reports_in_its_column_order() {
        for row in [TABLE_HEADER, MATURITY_ROW, SELF_RELIANCE_ROW] {
            assert!(
                section_text("gpu").contains(row),
                "not in section gpu: {row}"
            );
        }
        let heads = cells(TABLE_HEADER);
        let maturity = cells(MATURITY_ROW);
        let reliance = cells(SELF_RELIANCE_ROW);
        for (i, column) in VENDOR_COLUMNS.iter().enumerate() {
            assert_eq!(column.head_zh, heads[i]);
            assert_eq!(column.maturity.zh, maturity[i]);
            assert_eq!(column.self_reliance.zh, reliance[i]);
            for words in column.stack_zh {
                assert!(section_text("gpu").contains(words), "{words}");
            }
            let stars = figure(column.container_stars).unwrap();
            assert_eq!(stars.item, column.vendor, "{}", stars.id);
        }
    }

    #[test]
    fn every_word_has_its_place_on_its_scale() {
        for (rank, word) in MATURITY_SCALE.iter().enumerate() {
            assert_eq!(word.rank as usize, rank);
        }
        for column in VENDOR_COLUMNS {
            assert!(MATURITY_SCALE.contains(&column.maturity));
            assert!(column.self_reliance.rank <= FULLY.rank);
        }
    }

    #[test]
    fn a_column_names_the_card_whose_figures_it_repeats() {
        // The table's FP16 and memory are the card's own figures in the report's
        // description, where a card matches; the A100 has no description.
        for column in VENDOR_COLUMNS {
            let Some(card) = column.card else { continue };
            for metric in ["fp16", "memory"] {
                let table = figure(&format!("compare.{}.{metric}", column.vendor)).unwrap();
                let own = figure(&format!("{card}.{metric}")).unwrap();
                assert_eq!(table.quantity, own.quantity, "{card} {metric}");
            }
        }
    }
}
