//! Large modules made to measure: what the inspector's tests and the bench time
//! inspection on, the shape of a large compiled program's code section.

use wasm_encoder::{
    CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction, Module,
    TypeSection, ValType,
};

/// A valid core module of about `size` bytes, encoded by `wasm-encoder`, for the tests
/// and the bench (the app never calls it, so it is not in its wasm): `n` functions
/// `(i32) -> i32` that add constants to their parameter, the last one with a
/// sign-extension operator so the feature search has something to find at the end.
pub fn generated_module(size: usize) -> Vec<u8> {
    const ADDS: i32 = 200;
    let body = |last: bool| {
        let mut f = Function::new([]);
        f.instruction(&Instruction::LocalGet(0));
        for k in 0..ADDS {
            f.instruction(&Instruction::I32Const(k * 1000));
            f.instruction(&Instruction::I32Add);
        }
        if last {
            f.instruction(&Instruction::I32Extend8S);
        }
        f.instruction(&Instruction::End);
        f
    };
    // Each function's body plus its size and its entry in the function section.
    let per_function = body(false).byte_len() + 3;
    let n = (size / per_function).max(1) as u32;

    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]);
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    for i in 0..n {
        functions.function(0);
        code.function(&body(i == n - 1));
    }
    let mut exports = ExportSection::new();
    exports.export("f", ExportKind::Func, 0);
    let mut module = Module::new();
    module
        .section(&types)
        .section(&functions)
        .section(&exports)
        .section(&code);
    module.finish()
}
