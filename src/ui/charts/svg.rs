//! SVG markup for charts, built as escaped text (see `ui/html.rs` for why), with
//! coordinates written by integer arithmetic. Colors are classes, never inline
//! styles: the page's CSP forbids inline styles, and the classes follow the theme.

use crate::base::quantity::number;
use crate::ui::html::Html;

/// SVG under construction: shapes, text and marks, all through [`Html`]'s escaping.
#[derive(Default)]
pub struct Svg(Html);

/// A coordinate as SVG text: rounded to 0.1 px.
pub fn n(v: f64) -> String {
    number((v * 10.0).round() / 10.0)
}

impl Svg {
    pub fn new() -> Svg {
        Svg(Html::new())
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str) -> &mut Svg {
        self.rect_filled(x, y, w, h, class, None)
    }

    /// A rectangle filled with a pattern defined in the chart's `<defs>`.
    pub fn patterned_rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str, pattern: &str) {
        self.rect_filled(x, y, w, h, class, Some(&format!("url(#{pattern})")));
    }

    fn rect_filled(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        class: &str,
        fill: Option<&str>,
    ) -> &mut Svg {
        let (x, y, w, h) = (n(x), n(y), n(w.max(0.0)), n(h.max(0.0)));
        let mut attrs = vec![
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("width", w.as_str()),
            ("height", h.as_str()),
            ("class", class),
        ];
        if let Some(fill) = fill {
            attrs.push(("fill", fill));
        }
        self.0.open("rect", &attrs).close("rect");
        self
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) -> &mut Svg {
        self.0
            .open(
                "line",
                &[
                    ("x1", &n(x1)),
                    ("y1", &n(y1)),
                    ("x2", &n(x2)),
                    ("y2", &n(y2)),
                    ("class", class),
                ],
            )
            .close("line");
        self
    }

    pub fn circle(&mut self, x: f64, y: f64, r: f64, class: &str) -> &mut Svg {
        self.0
            .open(
                "circle",
                &[("cx", &n(x)), ("cy", &n(y)), ("r", &n(r)), ("class", class)],
            )
            .close("circle");
        self
    }

    /// A path through `points`, closed when `closed`.
    pub fn path(&mut self, points: &[(f64, f64)], closed: bool, class: &str) -> &mut Svg {
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&n(*x));
            d.push(' ');
            d.push_str(&n(*y));
        }
        if closed {
            d.push('Z');
        }
        self.0
            .open("path", &[("d", &d), ("class", class)])
            .close("path");
        self
    }

    /// A diamond centered on `(x, y)`: how independent figures are marked.
    pub fn diamond(&mut self, x: f64, y: f64, r: f64, class: &str) -> &mut Svg {
        self.path(
            &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
            true,
            class,
        )
    }

    /// An arrowhead at `(x, y)` pointing along `(dx, dy)` (a unit vector).
    pub fn arrowhead(&mut self, x: f64, y: f64, dx: f64, dy: f64, class: &str) -> &mut Svg {
        let (size, half) = (7.0, 4.0);
        let back = (x - dx * size, y - dy * size);
        self.path(
            &[
                (x, y),
                (back.0 - dy * half, back.1 + dx * half),
                (back.0 + dy * half, back.1 - dx * half),
            ],
            true,
            class,
        )
    }

    /// Text at `(x, y)`; `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, class: &str, text: &str) -> &mut Svg {
        self.0.element(
            "text",
            &[
                ("x", &n(x)),
                ("y", &n(y)),
                ("text-anchor", anchor),
                ("class", class),
            ],
            text,
        );
        self
    }

    /// Opens a focusable mark: one value of one row, with its description for the
    /// tooltip and for assistive technology. Only the first mark of a chart is in the
    /// tab order; arrow keys move between the others.
    pub fn open_mark(&mut self, first: bool, class: &str, row: &str, tip: &str) -> &mut Svg {
        self.0.open(
            "g",
            &[
                ("class", class),
                ("tabindex", if first { "0" } else { "-1" }),
                ("role", "img"),
                ("aria-label", &tip.replace('\n', "; ")),
                ("data-row", row),
                ("data-tip", tip),
            ],
        );
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Svg {
        self.0.close(tag);
        self
    }

    /// Appends another drawing (drawn apart to go under or over this one's marks).
    pub fn append(&mut self, other: Svg) -> &mut Svg {
        self.0.append(other.0);
        self
    }

    /// The drawing as markup, to place inside an `<svg>` element.
    pub fn into_html(self) -> Html {
        self.0
    }
}

/// How far text keeps from the drawing's left and right edges.
pub const EDGE: f64 = 3.0;

/// Tick labels along a horizontal axis, leaving out those that would overlap the
/// previous one (on a phone, a log axis has more decades than room).
/// Labels are kept inside `0..width`.
pub struct TickLabels {
    width: f64,
    right_edge: f64,
}

impl TickLabels {
    pub fn within(width: f64) -> TickLabels {
        TickLabels {
            width,
            right_edge: f64::NEG_INFINITY,
        }
    }

    pub fn across(&mut self, s: &mut Svg, x: f64, y: f64, label: &str) {
        let w = text_width(label);
        let left = (x - w / 2.0).min(self.width - w - EDGE).max(EDGE);
        if left < self.right_edge + 6.0 {
            return;
        }
        s.text(left + w / 2.0, y, "middle", "tick", label);
        self.right_edge = left + w;
    }
}

/// How wide `text` is at the charts' 12 px font, erring wide so that a label given
/// this much room is never cut: CJK characters (and full-width forms) a little over
/// a font size, capitals and wide letters about three quarters, narrow ones a third,
/// the rest (lower case, digits) well over half: DejaVu Sans, the widest of the
/// usual system-ui fonts, with Noto Sans CJK, at 12 px.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            c if (c as u32) >= 0x2E80 => 12.6,
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' | '(' | ')' | 'I' => {
                4.2
            }
            'f' | 't' | 'r' | '/' | '-' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' => {
                5.2
            }
            'm' | 'w' | 'M' | 'W' | '%' | '@' | '—' | '→' | '↑' | '★' | '☆' => 11.0,
            c if c.is_ascii_uppercase() => 9.0,
            _ => 7.7,
        })
        .sum()
}

/// `text` in lines of at most `width` (by [`text_width`]), broken after spaces and
/// between CJK characters; a word wider than `width` gets a line of its own.
pub fn wrap(text: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Where the line may break: the byte offset after a space or a CJK character.
    let mut last_break: Option<usize> = None;
    for c in text.chars() {
        line.push(c);
        if text_width(&line) > width
            && let Some(at) = last_break
        {
            let rest = line.split_off(at);
            lines.push(line.trim_end().to_owned());
            line = rest.trim_start().to_owned();
            last_break = None;
        }
        if c == ' ' || (c as u32) >= 0x2E80 {
            last_break = Some(line.len());
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// How wide `text` is in the charts' semibold (point names, totals).
pub fn bold_text_width(text: &str) -> f64 {
    text_width(text) * 1.12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_short_and_marks_escaped() {
        assert_eq!(n(12.3456), "12.3");
        assert_eq!(n(-0.04), "0");
        let mut s = Svg::new();
        s.rect(1.0, 2.0, -3.0, 4.0, "bar");
        s.open_mark(true, "mark", "vm", "VM <\"x\">\nsource")
            .close("g");
        let out = s.into_html().finish();
        assert!(out.starts_with("<rect x=\"1\" y=\"2\" width=\"0\" height=\"4\""));
        assert!(out.contains("aria-label=\"VM &lt;&quot;x&quot;&gt;; source\""));
        assert!(out.contains("tabindex=\"0\""));
        assert!(text_width("启动") > text_width("ab"));
        let lines = wrap("one two three four", 60.0);
        assert!(
            lines.len() > 1 && lines.iter().all(|l| text_width(l) <= 60.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), "one two three four");
        let lines = wrap("数据说明：启动时间对比给出", 40.0);
        assert!(lines.iter().all(|l| text_width(l) <= 40.0), "{lines:?}");
        assert_eq!(lines.concat(), "数据说明：启动时间对比给出");
    }
}
