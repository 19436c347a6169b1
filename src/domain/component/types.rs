//! A component function's types, as the runner needs them: our own tree of WIT value
//! types, read from the validator's type information, written back as WIT text.

use std::collections::HashMap;
use std::fmt;
use wasmparser::component_types::{
    ComponentAnyTypeId, ComponentDefinedType, ComponentEntityType, ComponentValType, ResourceId,
};
use wasmparser::{PrimitiveValType, types::TypesRef};

/// Resource types by the names a component gives them where it imports them:
/// `wasi:io/streams@0.2.0#output-stream`.
#[derive(Clone, Debug, Default)]
pub struct Resources(HashMap<ResourceId, String>);

impl Resources {
    /// Names the resources of the root component's import `name` (an instance's
    /// resource types, or a resource type imported by itself).
    pub fn add_import(&mut self, types: TypesRef<'_>, name: &str) {
        let Some(item) = types.component_item_for_import(name) else {
            return;
        };
        match &item.ty {
            ComponentEntityType::Instance(id) => {
                for (export, item) in &types[*id].exports {
                    if let ComponentEntityType::Type {
                        created: ComponentAnyTypeId::Resource(r),
                        ..
                    } = &item.ty
                    {
                        self.0.insert(r.resource(), format!("{name}#{export}"));
                    }
                }
            }
            ComponentEntityType::Type {
                created: ComponentAnyTypeId::Resource(r),
                ..
            } => {
                self.0.insert(r.resource(), name.to_owned());
            }
            _ => {}
        }
    }

    /// The name of resource `id` (`resource` for one the component defines itself).
    pub fn name(&self, id: ResourceId) -> String {
        self.0
            .get(&id)
            .cloned()
            .unwrap_or_else(|| "resource".to_owned())
    }

    /// The name of the resource type at `index` of the root component's types.
    pub fn at(&self, types: TypesRef<'_>, index: u32) -> String {
        match types.component_any_type_at(index) {
            ComponentAnyTypeId::Resource(r) => self.name(r.resource()),
            _ => "resource".to_owned(),
        }
    }
}

/// A WIT value type. It crosses to the page, which builds a form from it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ty {
    Bool,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    Char,
    String,
    List(Box<Ty>),
    /// `list<T, N>`: N values in place.
    FixedList(Box<Ty>, u32),
    Record(Vec<(String, Ty)>),
    Tuple(Vec<Ty>),
    Variant(Vec<(String, Option<Ty>)>),
    Enum(Vec<String>),
    Flags(Vec<String>),
    Option(Box<Ty>),
    Result(Option<Box<Ty>>, Option<Box<Ty>>),
    /// A handle to a resource, owned or borrowed, by the resource's name.
    Own(String),
    Borrow(String),
    /// What the runner cannot pass yet, named as WIT names it: `future`, `stream`,
    /// `map`, `error-context`.
    Unsupported(String),
}

/// A component function's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncTy {
    pub params: Vec<(String, Ty)>,
    pub result: Option<Ty>,
    /// An `async` function (WASI 0.3), which the runner does not call yet.
    pub is_async: bool,
}

impl FuncTy {
    /// From the validator's function type `id`.
    pub fn read(
        types: TypesRef<'_>,
        id: wasmparser::component_types::ComponentFuncTypeId,
        resources: &Resources,
    ) -> Self {
        let f = &types[id];
        FuncTy {
            params: f
                .params
                .iter()
                .map(|(name, t)| (name.to_string(), Ty::read(types, t, resources)))
                .collect(),
            result: f.result.as_ref().map(|t| Ty::read(types, t, resources)),
            is_async: f.async_,
        }
    }

    /// The first thing in its types the runner cannot pass, if any.
    pub fn unsupported(&self) -> Option<&str> {
        if self.is_async {
            return Some("async");
        }
        self.params
            .iter()
            .map(|(_, t)| t)
            .chain(self.result.as_ref())
            .find_map(Ty::unsupported)
    }

    /// As WIT writes it: `func(a: u32, b: string) -> list<u8>`.
    pub fn wit(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(name, t)| format!("{name}: {t}"))
            .collect();
        let mut text = format!(
            "{}func({})",
            if self.is_async { "async " } else { "" },
            params.join(", ")
        );
        if let Some(result) = &self.result {
            text.push_str(&format!(" -> {result}"));
        }
        text
    }
}

impl Ty {
    /// From the validator's value type.
    pub fn read(types: TypesRef<'_>, t: &ComponentValType, resources: &Resources) -> Ty {
        match t {
            ComponentValType::Primitive(p) => Ty::primitive(*p),
            ComponentValType::Type(id) => Ty::defined(types, &types[*id], resources),
        }
    }

    fn primitive(p: PrimitiveValType) -> Ty {
        match p {
            PrimitiveValType::Bool => Ty::Bool,
            PrimitiveValType::S8 => Ty::S8,
            PrimitiveValType::U8 => Ty::U8,
            PrimitiveValType::S16 => Ty::S16,
            PrimitiveValType::U16 => Ty::U16,
            PrimitiveValType::S32 => Ty::S32,
            PrimitiveValType::U32 => Ty::U32,
            PrimitiveValType::S64 => Ty::S64,
            PrimitiveValType::U64 => Ty::U64,
            PrimitiveValType::F32 => Ty::F32,
            PrimitiveValType::F64 => Ty::F64,
            PrimitiveValType::Char => Ty::Char,
            PrimitiveValType::String => Ty::String,
            PrimitiveValType::ErrorContext => Ty::Unsupported("error-context".into()),
        }
    }

    fn defined(types: TypesRef<'_>, t: &ComponentDefinedType, resources: &Resources) -> Ty {
        let read = |t: &ComponentValType| Ty::read(types, t, resources);
        match t {
            ComponentDefinedType::Primitive(p) => Ty::primitive(*p),
            ComponentDefinedType::Record(r) => Ty::Record(
                r.fields
                    .iter()
                    .map(|(name, t)| (name.to_string(), read(t)))
                    .collect(),
            ),
            ComponentDefinedType::Variant(v) => Ty::Variant(
                v.cases
                    .iter()
                    .map(|(name, case)| (name.to_string(), case.ty.as_ref().map(read)))
                    .collect(),
            ),
            ComponentDefinedType::List { element, .. } => Ty::List(Box::new(read(element))),
            ComponentDefinedType::FixedLengthList {
                element, length, ..
            } => Ty::FixedList(Box::new(read(element)), *length),
            ComponentDefinedType::Tuple(t) => Ty::Tuple(t.types.iter().map(read).collect()),
            ComponentDefinedType::Flags(names) => {
                Ty::Flags(names.iter().map(|n| n.to_string()).collect())
            }
            ComponentDefinedType::Enum(names) => {
                Ty::Enum(names.iter().map(|n| n.to_string()).collect())
            }
            ComponentDefinedType::Option { ty, .. } => Ty::Option(Box::new(read(ty))),
            ComponentDefinedType::Result { ok, err, .. } => Ty::Result(
                ok.as_ref().map(|t| Box::new(read(t))),
                err.as_ref().map(|t| Box::new(read(t))),
            ),
            ComponentDefinedType::Own(r) => Ty::Own(resources.name(r.resource())),
            ComponentDefinedType::Borrow(r) => Ty::Borrow(resources.name(r.resource())),
            ComponentDefinedType::Future { .. } => Ty::Unsupported("future".into()),
            ComponentDefinedType::Stream { .. } => Ty::Unsupported("stream".into()),
            ComponentDefinedType::Map { .. } => Ty::Unsupported("map".into()),
        }
    }

    /// The first part of this type the runner cannot pass, if any.
    pub fn unsupported(&self) -> Option<&str> {
        match self {
            Ty::Unsupported(what) => Some(what),
            // A handle cannot be written as text: WASI's host passes them, not a reader.
            Ty::Own(_) => Some("own<resource>"),
            Ty::Borrow(_) => Some("borrow<resource>"),
            Ty::List(t) | Ty::FixedList(t, _) | Ty::Option(t) => t.unsupported(),
            Ty::Record(fields) => fields.iter().find_map(|(_, t)| t.unsupported()),
            Ty::Tuple(ts) => ts.iter().find_map(Ty::unsupported),
            Ty::Variant(cases) => cases
                .iter()
                .find_map(|(_, t)| t.as_ref().and_then(Ty::unsupported)),
            Ty::Result(ok, err) => ok
                .as_deref()
                .and_then(Ty::unsupported)
                .or_else(|| err.as_deref().and_then(Ty::unsupported)),
            _ => None,
        }
    }
}

/// A resource's own name, without its interface: `output-stream`.
fn short(resource: &str) -> &str {
    resource.rsplit('#').next().unwrap_or(resource)
}

impl fmt::Display for Ty {
    /// As WIT writes it, with records, variants, enums and flags spelled out (a
    /// component binary does not keep their names unless it exports them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list<T>(
            f: &mut fmt::Formatter<'_>,
            items: &[T],
            mut write: impl FnMut(&mut fmt::Formatter<'_>, &T) -> fmt::Result,
        ) -> fmt::Result {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write(f, item)?;
            }
            Ok(())
        }
        match self {
            Ty::Bool => f.write_str("bool"),
            Ty::S8 => f.write_str("s8"),
            Ty::U8 => f.write_str("u8"),
            Ty::S16 => f.write_str("s16"),
            Ty::U16 => f.write_str("u16"),
            Ty::S32 => f.write_str("s32"),
            Ty::U32 => f.write_str("u32"),
            Ty::S64 => f.write_str("s64"),
            Ty::U64 => f.write_str("u64"),
            Ty::F32 => f.write_str("f32"),
            Ty::F64 => f.write_str("f64"),
            Ty::Char => f.write_str("char"),
            Ty::String => f.write_str("string"),
            Ty::List(t) => write!(f, "list<{t}>"),
            Ty::FixedList(t, n) => write!(f, "list<{t}, {n}>"),
            Ty::Record(fields) => {
                f.write_str("record { ")?;
                list(f, fields, |f, (name, t)| write!(f, "{name}: {t}"))?;
                f.write_str(" }")
            }
            Ty::Tuple(ts) => {
                f.write_str("tuple<")?;
                list(f, ts, |f, t| write!(f, "{t}"))?;
                f.write_str(">")
            }
            Ty::Variant(cases) => {
                f.write_str("variant { ")?;
                list(f, cases, |f, (name, t)| match t {
                    Some(t) => write!(f, "{name}({t})"),
                    None => f.write_str(name),
                })?;
                f.write_str(" }")
            }
            Ty::Enum(cases) => {
                f.write_str("enum { ")?;
                list(f, cases, |f, name| f.write_str(name))?;
                f.write_str(" }")
            }
            Ty::Flags(names) => {
                f.write_str("flags { ")?;
                list(f, names, |f, name| f.write_str(name))?;
                f.write_str(" }")
            }
            Ty::Option(t) => write!(f, "option<{t}>"),
            Ty::Own(r) => write!(f, "own<{}>", short(r)),
            Ty::Borrow(r) => write!(f, "borrow<{}>", short(r)),
            Ty::Result(ok, err) => match (ok, err) {
                (None, None) => f.write_str("result"),
                (Some(ok), None) => write!(f, "result<{ok}>"),
                (None, Some(err)) => write!(f, "result<_, {err}>"),
                (Some(ok), Some(err)) => write!(f, "result<{ok}, {err}>"),
            },
            Ty::Unsupported(what) => f.write_str(what),
        }
    }
}
