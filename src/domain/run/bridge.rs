//! The bridge between a guest's imports and the host: a small core module, written
//! here with `wasm-encoder`, with one function per import of the guest, of that
//! import's type. Each stores its arguments in 8-byte slots of the bridge's own memory
//! (`slots`), calls the host's one function `host.call` with the import's index, and
//! loads its results from the same slots.
//!
//! So the host is one function of one `i32` whatever the guest imports: a browser's
//! JavaScript closure (wasm-bindgen's take at most eight arguments, and `path_open`
//! has nine) reads exact `i64`s and floats from memory rather than through BigInt and
//! Number conversions.

use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Instruction, MemArg, MemArgTarget, MemorySection, MemoryType, Module, NameSection, TypeSection,
    ValType,
};

use crate::domain::inspect::{NumType, Value};

/// Where the host finds the arguments and puts the results.
pub const SLOTS: &str = "slots";
/// The bridge's module name (stack traces show it).
pub const NAME: &str = "atlas-bridge";
/// The host's function, imported by the bridge.
pub const HOST: (&str, &str) = ("host", "call");

/// The name the bridge exports function `index` under.
pub fn export_name(index: usize) -> String {
    format!("f{index}")
}

fn val_type(t: NumType) -> ValType {
    match t {
        NumType::I32 => ValType::I32,
        NumType::I64 => ValType::I64,
        NumType::F32 => ValType::F32,
        NumType::F64 => ValType::F64,
    }
}

/// A function's core type, as the bridge takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncType {
    pub params: Vec<NumType>,
    pub results: Vec<NumType>,
}

impl FuncType {
    /// From the inspector's type names; `None` if one is not a number (`v128`, a
    /// reference), which the bridge cannot pass.
    pub fn parse(params: &[String], results: &[String]) -> Option<FuncType> {
        let numbers = |types: &[String]| -> Option<Vec<NumType>> {
            types.iter().map(|t| NumType::parse(t)).collect()
        };
        Some(FuncType {
            params: numbers(params)?,
            results: numbers(results)?,
        })
    }
}

/// The bridge for imports of these types, in order: function `i` is exported as
/// [`export_name`]`(i)`.
pub fn module(functions: &[FuncType]) -> Vec<u8> {
    let mut types = TypeSection::new();
    // Type 0: the host's `(i32) -> ()`.
    types.ty().function([ValType::I32], []);
    for f in functions {
        types.ty().function(
            f.params.iter().map(|t| val_type(*t)),
            f.results.iter().map(|t| val_type(*t)),
        );
    }
    let mut imports = ImportSection::new();
    imports.import(HOST.0, HOST.1, EntityType::Function(0));
    let mut funcs = FunctionSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    let mut memories = MemorySection::new();
    let slots_needed = functions
        .iter()
        .map(|f| f.params.len().max(f.results.len()))
        .max()
        .unwrap_or(0) as u64
        * 8;
    memories.memory(MemoryType {
        minimum: slots_needed.div_ceil(65_536).max(1),
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    exports.export(SLOTS, ExportKind::Memory, 0);
    for (i, f) in functions.iter().enumerate() {
        funcs.function(i as u32 + 1);
        // Function 0 is the import.
        exports.export(&export_name(i), ExportKind::Func, i as u32 + 1);
        let mut body = Function::new([]);
        for (k, t) in f.params.iter().enumerate() {
            let arg = memarg(k, *t);
            body.instruction(&Instruction::I32Const(0));
            body.instruction(&Instruction::LocalGet(k as u32));
            body.instruction(&match t {
                NumType::I32 => Instruction::I32Store(arg),
                NumType::I64 => Instruction::I64Store(arg),
                NumType::F32 => Instruction::F32Store(arg),
                NumType::F64 => Instruction::F64Store(arg),
            });
        }
        body.instruction(&Instruction::I32Const(i as i32));
        body.instruction(&Instruction::Call(0));
        for (k, t) in f.results.iter().enumerate() {
            let arg = memarg(k, *t);
            body.instruction(&Instruction::I32Const(0));
            body.instruction(&match t {
                NumType::I32 => Instruction::I32Load(arg),
                NumType::I64 => Instruction::I64Load(arg),
                NumType::F32 => Instruction::F32Load(arg),
                NumType::F64 => Instruction::F64Load(arg),
            });
        }
        body.instruction(&Instruction::End);
        code.function(&body);
    }
    // Named, so a stack trace tells its frames from the guest's.
    let mut names = NameSection::new();
    names.module(NAME);
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&funcs)
        .section(&memories)
        .section(&exports)
        .section(&code)
        .section(&names);
    module.finish()
}

fn memarg(slot: usize, t: NumType) -> MemArg {
    MemArg {
        offset: slot as u64 * 8,
        align: match t {
            NumType::I32 | NumType::F32 => 2,
            NumType::I64 | NumType::F64 => 3,
        },
        target: MemArgTarget::Memory(0),
        ordering: None,
    }
}

/// The values in the first slots of `slots`, of these types (zero past its end).
pub fn read(slots: &[u8], types: &[NumType]) -> Vec<Value> {
    types
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let mut word = [0u8; 8];
            if let Some(bytes) = slots.get(k * 8..k * 8 + 8) {
                word.copy_from_slice(bytes);
            }
            let low = [word[0], word[1], word[2], word[3]];
            match t {
                NumType::I32 => Value::I32(i32::from_le_bytes(low)),
                NumType::I64 => Value::I64(i64::from_le_bytes(word)),
                NumType::F32 => Value::F32(f32::from_le_bytes(low)),
                NumType::F64 => Value::F64(f64::from_le_bytes(word)),
            }
        })
        .collect()
}

/// `values` as the bridge loads them, one 8-byte slot each.
pub fn write(values: &[Value]) -> Vec<u8> {
    let mut out = vec![0u8; values.len() * 8];
    for (k, v) in values.iter().enumerate() {
        let at = k * 8;
        match v {
            Value::I32(x) => out[at..at + 4].copy_from_slice(&x.to_le_bytes()),
            Value::I64(x) => out[at..at + 8].copy_from_slice(&x.to_le_bytes()),
            Value::F32(x) => out[at..at + 4].copy_from_slice(&x.to_le_bytes()),
            Value::F64(x) => out[at..at + 8].copy_from_slice(&x.to_le_bytes()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_carry_every_number_bit_for_bit() {
        let values = [
            Value::I32(-7),
            Value::I64(i64::MIN + 3),
            Value::F32(f32::from_bits(0x7fc0_0001)),
            Value::F64(-0.0),
        ];
        let types: Vec<NumType> = values.iter().map(|v| v.ty()).collect();
        let back = read(&write(&values), &types);
        for (a, b) in values.iter().zip(&back) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        assert_eq!(read(&[], &[NumType::I64]), [Value::I64(0)]);
    }

    #[test]
    fn the_bridge_validates_with_nine_parameters_and_several_results() {
        let path_open = FuncType {
            params: [NumType::I32; 5]
                .into_iter()
                .chain([NumType::I64, NumType::I64, NumType::I32, NumType::I32])
                .collect(),
            results: vec![NumType::I32],
        };
        let pair = FuncType {
            params: vec![NumType::F64],
            results: vec![NumType::F32, NumType::I64],
        };
        let bytes = module(&[
            path_open,
            pair,
            FuncType {
                params: vec![],
                results: vec![],
            },
        ]);
        let mut validator = wasmparser::Validator::new();
        validator.validate_all(&bytes).unwrap();
        assert_eq!(
            FuncType::parse(&["v128".into()], &[]),
            None,
            "a vector cannot be bridged"
        );
    }
}
