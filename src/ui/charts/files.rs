//! A chart as a PNG file: its standalone SVG drawn onto a canvas at twice its size.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::domain::query::percent_encode;
use crate::ui::browser::save_as;

/// Draws `svg` (standalone, `width` × `height` px) into a PNG and offers it as a
/// download. The image is a `data:` URL, which the page's CSP allows for images.
pub fn download_png(svg: &str, width: f64, height: f64, file_name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    let ratio = 2.0;
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    let file_name = file_name.to_owned();
    let loaded = image.clone();
    // Freed once called (gloo-events' listener would have to be kept or leaked).
    let on_load = Closure::once_into_js(move || {
        let drawn = (|| {
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            context.scale(ratio, ratio).ok()?;
            context
                .draw_image_with_html_image_element(&loaded, 0.0, 0.0)
                .ok()?;
            let url = canvas.to_data_url_with_type("image/png").ok()?;
            save_as(&url, &file_name)
        })();
        if drawn.is_none() {
            web_sys::console::warn_1(&"Container Atlas: the PNG could not be drawn".into());
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        percent_encode(svg)
    ));
    Some(())
}
