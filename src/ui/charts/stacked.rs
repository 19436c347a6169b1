//! A stacked bar: the rows as segments of one whole, with a legend of values and
//! shares below.

use super::Plot;
use super::svg::{Svg, text_width};
use crate::base::quantity::number;
use crate::domain::chart::stack;

pub fn draw(p: &Plot, s: &mut Svg) -> f64 {
    let (x0, x1) = (8.0, p.width - 8.0);
    let (top, bar_h) = (8.0, 40.0);
    let (spans, total) = stack(p.rows);
    for (index, (row, (start, end))) in p.rows.iter().zip(&spans).enumerate() {
        let Some(cell) = row.primary() else { continue };
        let (bx, w) = (x0 + start * (x1 - x0), (end - start) * (x1 - x0));
        let share = format!("{}%", number(((end - start) * 1000.0).round() / 10.0));
        let tip = format!("{}\n{share}", p.tip(row, 0, &cell));
        let class = format!("mark segment s{}", row.index % 7);
        s.open_mark(index == 0, &class, &row.key, &tip);
        s.rect(bx, top, (w - 2.0).max(1.0), bar_h, "bar");
        if text_width(&share) + 8.0 < w {
            s.text(
                bx + w / 2.0,
                top + bar_h / 2.0 + 4.0,
                "middle",
                "inside",
                &share,
            );
        }
        s.close("g");
    }
    let mut y = top + bar_h + 24.0;
    for (row, (start, end)) in p.rows.iter().zip(&spans) {
        let Some(cell) = row.primary() else { continue };
        let share = number(((end - start) * 1000.0).round() / 10.0);
        s.rect(
            x0,
            y - 10.0,
            12.0,
            12.0,
            &format!("swatch s{}", row.index % 7),
        );
        let line = format!("{}: {} ({share}%)", row.label(p.lang), p.value(&cell));
        s.text(x0 + 18.0, y, "start", "legend", &line);
        y += 20.0;
    }
    if let Some(first) = p.rows.iter().find_map(|r| r.primary()) {
        let total_cell = crate::domain::chart::Cell {
            quantity: crate::base::quantity::Quantity {
                amount: crate::base::quantity::Amount::Exact(total),
                unit: first.quantity.unit,
            },
            source: first.source,
        };
        let text = crate::i18n::Key::ChartTotal.fill(p.lang, &[("total", &p.value(&total_cell))]);
        s.text(x0, y + 4.0, "start", "legend strong", &text);
        y += 24.0;
    }
    y
}
