//! A small builder of escaped HTML, for long runs of static text (the report's
//! statements, notes and independent figures on /data). Rendered once per language
//! and set as `inner_html`: one code path for all of it, where a Leptos view per
//! block would instantiate rendering code for every distinct shape.

/// HTML under construction. Text is always escaped; tags and attribute names are
/// written by our code only. Markup enters only through the builder's methods or as
/// another `Html` ([`Html::append`]): no string reaches the output unescaped.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Opens `tag` with attributes (values escaped).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Opens a `<div>` a wide table scrolls in sideways: focusable and named, so a
    /// keyboard can scroll it and a screen reader announces it.
    pub fn open_scroll_region(&mut self, label: &str) -> &mut Html {
        self.open(
            "div",
            &[
                ("class", "table-wrap"),
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-label", label),
            ],
        )
    }

    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag attrs>text</tag>`
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Appends markup made by another `Html`, escaped as it was built.
    pub fn append(&mut self, built: Html) -> &mut Html {
        self.0.push_str(&built.0);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_values() {
        let mut html = Html::new();
        html.open("p", &[("data-x", "a\"b")])
            .text("<script>&")
            .close("p");
        assert_eq!(
            html.finish(),
            "<p data-x=\"a&quot;b\">&lt;script&gt;&amp;</p>"
        );
    }

    #[test]
    fn appended_markup_is_built_markup() {
        let mut inner = Html::new();
        inner.element("b", &[], "<i>");
        let mut outer = Html::new();
        outer.open("p", &[]).append(inner).close("p");
        assert_eq!(outer.finish(), "<p><b>&lt;i&gt;</b></p>");
    }
}
