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
    /// For a WASI program, what the run panel is filled with when it opens: the
    /// arguments as a line, and standard input.
    pub args: &'static str,
    pub stdin: &'static str,
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

/// The core module, the components, then the WASI programs.
pub fn examples() -> [Example; 7] {
    let (module_text, module) = example!("calc-module");
    let (component_text, component) = example!("calc-component");
    let (tools_text, tools) = example!("tools-component");
    let (hello_text, hello) = example!("wasi-hello");
    let (upper_text, upper) = example!("wasi-upper");
    let (files_text, files) = example!("wasi-files");
    let (hello2_text, hello2) = example!("wasi2-hello");
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
            args: "",
            stdin: "",
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
            args: "",
            stdin: "",
        },
        Example {
            file: "tools-component.wasm",
            description: text(
                "A component whose exports take and return strings, lists, records, \
                 variants, options and results (greet, stats, divide, find, area), and \
                 next, which counts its calls in the instance that is kept between them",
                "一个组件：导出函数接收并返回字符串、列表、记录、变体、option 与 result\
                 （greet、stats、divide、find、area），以及在调用之间保留的实例中计数的 next",
            ),
            source: tools_text,
            bytes: tools,
            args: "",
            stdin: "",
        },
        Example {
            file: "wasi-hello.wasm",
            description: text(
                "A WASI command: greets each of its arguments on standard output, says \
                 goodbye on standard error and exits with code 3",
                "一个 WASI 命令：在标准输出上向每个参数问好，在标准错误上道别，并以退出码 3 结束",
            ),
            source: hello_text,
            bytes: hello,
            args: "Ada 'Grace Hopper'",
            stdin: "",
        },
        Example {
            file: "wasi-upper.wasm",
            description: text(
                "A WASI filter: copies standard input to standard output in upper case, \
                 until the input ends",
                "一个 WASI 过滤程序：把标准输入转成大写后写到标准输出，直到输入结束",
            ),
            source: upper_text,
            bytes: upper,
            args: "",
            stdin: "hello from standard input\nsecond line\n",
        },
        Example {
            file: "wasi-files.wasm",
            description: text(
                "A WASI command that lists the files in its folder and writes \
                 out/hello.txt, which you can then open or download",
                "一个 WASI 命令：列出其文件夹中的文件，并写入 out/hello.txt，运行后可查看或下载",
            ),
            source: files_text,
            bytes: files,
            args: "",
            stdin: "",
        },
        Example {
            file: "wasi2-hello.wasm",
            description: text(
                "A WASI 0.2 command component: greets each of its arguments through the \
                 standard output stream the host hands it, and exits with an error (code 1) \
                 when it has none",
                "一个 WASI 0.2 命令组件：通过宿主交给它的标准输出流向每个参数问好；没有参数时\
                 以错误退出（退出码 1）",
            ),
            source: hello2_text,
            bytes: hello2,
            args: "Ada Grace",
            stdin: "",
        },
    ]
}
