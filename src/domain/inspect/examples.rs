//! The playground's examples: WebAssembly text in `examples/`, compiled by `build.rs`,
//! so the bytes are never committed opaque and the text can be shown beside them.

use crate::base::lang::{Text, text};

/// An example the visitor can open.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// A file name to show and to download it as.
    pub file: &'static str,
    pub description: Text,
    /// Its text, as written in `examples/`.
    pub source: &'static str,
    /// The binary `build.rs` compiled from `source`.
    pub bytes: &'static [u8],
}

macro_rules! example {
    ($name:literal) => {
        (
            include_str!(concat!("examples/", $name, ".wat")),
            include_bytes!(concat!(
                env!("OUT_DIR"),
                "/inspect_examples/",
                $name,
                ".wasm"
            )),
        )
    };
}

/// The core module, then the component.
pub fn examples() -> [Example; 2] {
    let (module_text, module) = example!("calc-module");
    let (component_text, component) = example!("calc-component");
    [
        Example {
            file: "calc-module.wasm",
            description: text(
                "A core module that imports a function and a memory and exports numeric \
                 functions to call: add, factorial, fib, average, and spin, which loops \
                 forever to show the time limit",
                "一个核心模块：导入一个函数和一块内存，导出可调用的数值函数：add、factorial、\
                 fib、average，以及永远循环、用来演示时间限制的 spin",
            ),
            source: module_text,
            bytes: module,
        },
        Example {
            file: "calc-component.wasm",
            description: text(
                "A component with a small WIT world: it imports a logger interface, exports \
                 a math interface with add, and embeds the core module that does the work",
                "一个带小型 WIT world 的组件：导入 logger 接口，导出带 add 函数的 math 接口，\
                 并内嵌完成计算的核心模块",
            ),
            source: component_text,
            bytes: component,
        },
    ]
}
