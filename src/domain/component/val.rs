//! Component values, and their text in the WebAssembly Value Encoding (WAVE): the
//! `wasm-wave` crate parses and writes them through its two traits, implemented here
//! for our own [`Ty`] and [`Val`], so the canonical ABI works on plain enums.

use super::types::Ty;
use std::borrow::Cow;
use wasm_wave::wasm::{WasmType, WasmTypeKind, WasmValue, WasmValueError};

/// A component value.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Bool(bool),
    S8(i8),
    U8(u8),
    S16(i16),
    U16(u16),
    S32(i32),
    U32(u32),
    S64(i64),
    U64(u64),
    F32(f32),
    F64(f64),
    Char(char),
    String(String),
    /// A `list<T>` or a `list<T, N>`.
    List(Vec<Val>),
    /// Fields in the type's order.
    Record(Vec<(String, Val)>),
    Tuple(Vec<Val>),
    Variant(String, Option<Box<Val>>),
    Enum(String),
    /// The flags that are set, in the type's order.
    Flags(Vec<String>),
    Option(Option<Box<Val>>),
    Result(Result<Option<Box<Val>>, Option<Box<Val>>>),
    /// A resource handle, as the host knows the resource (its representation).
    Handle(u32),
}

impl Ty {
    /// The value a form starts from and a stubbed import returns: zero, false, empty,
    /// the first case, `none`, `ok` of the default.
    pub fn default_value(&self) -> Option<Val> {
        Some(match self {
            Ty::Bool => Val::Bool(false),
            Ty::S8 => Val::S8(0),
            Ty::U8 => Val::U8(0),
            Ty::S16 => Val::S16(0),
            Ty::U16 => Val::U16(0),
            Ty::S32 => Val::S32(0),
            Ty::U32 => Val::U32(0),
            Ty::S64 => Val::S64(0),
            Ty::U64 => Val::U64(0),
            Ty::F32 => Val::F32(0.0),
            Ty::F64 => Val::F64(0.0),
            Ty::Char => Val::Char('a'),
            Ty::String => Val::String(String::new()),
            Ty::List(_) => Val::List(Vec::new()),
            Ty::FixedList(t, n) => {
                let one = t.default_value()?;
                Val::List(vec![one; *n as usize])
            }
            Ty::Record(fields) => Val::Record(
                fields
                    .iter()
                    .map(|(name, t)| Some((name.clone(), t.default_value()?)))
                    .collect::<Option<_>>()?,
            ),
            Ty::Tuple(ts) => Val::Tuple(ts.iter().map(Ty::default_value).collect::<Option<_>>()?),
            Ty::Variant(cases) => {
                let (name, t) = cases.first()?;
                let payload = match t {
                    Some(t) => Some(Box::new(t.default_value()?)),
                    None => None,
                };
                Val::Variant(name.clone(), payload)
            }
            Ty::Enum(cases) => Val::Enum(cases.first()?.clone()),
            Ty::Flags(_) => Val::Flags(Vec::new()),
            Ty::Option(_) => Val::Option(None),
            Ty::Result(ok, _) => Val::Result(Ok(match ok {
                Some(t) => Some(Box::new(t.default_value()?)),
                None => None,
            })),
            Ty::Own(_) | Ty::Borrow(_) | Ty::Unsupported(_) => return None,
        })
    }
}

/// A value as the page draws it, a tree: each node has a key (a field's name, an
/// element's index, empty for the root and a case's payload) and a text (a scalar
/// as WAVE, or a case's name), and the nodes inside it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Node {
    pub key: String,
    pub text: String,
    pub children: Vec<Node>,
    /// Elements left out past the tree's size limit (the WAVE text has them all).
    #[serde(default)]
    pub more: u64,
}

/// `val` as a tree of at most about `limit` nodes.
pub fn tree(val: &Val, limit: usize) -> Node {
    let mut budget = limit;
    node(String::new(), val, &mut budget)
}

fn node(key: String, val: &Val, budget: &mut usize) -> Node {
    *budget = budget.saturating_sub(1);
    let mut out = Node {
        key,
        ..Node::default()
    };
    let items = |out: &mut Node, items: Vec<(String, &Val)>, budget: &mut usize| {
        let total = items.len();
        for (i, (key, v)) in items.into_iter().enumerate() {
            if *budget == 0 {
                out.more = (total - i) as u64;
                break;
            }
            out.children.push(node(key, v, budget));
        }
    };
    match val {
        Val::Record(fields) => items(
            &mut out,
            fields.iter().map(|(k, v)| (k.clone(), v)).collect(),
            budget,
        ),
        Val::List(vals) | Val::Tuple(vals) => items(
            &mut out,
            vals.iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            budget,
        ),
        Val::Variant(case, payload) => {
            out.text = case.clone();
            if let Some(p) = payload {
                out.children.push(node(String::new(), p, budget));
            }
        }
        Val::Option(Some(p)) => {
            out.text = "some".into();
            out.children.push(node(String::new(), p, budget));
        }
        Val::Result(r) => {
            let (case, payload) = match r {
                Ok(p) => ("ok", p),
                Err(p) => ("err", p),
            };
            out.text = case.into();
            if let Some(p) = payload {
                out.children.push(node(String::new(), p, budget));
            }
        }
        scalar => out.text = write(scalar),
    }
    out
}

/// WAVE's text for a string: quoted, with `\\`, `\"`, newlines, tabs and control
/// characters escaped.
pub fn quote_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        escape_into(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// WAVE's text for a `char`.
pub fn quote_char(c: char) -> String {
    let mut out = String::from("'");
    escape_into(&mut out, c, '\'');
    out.push('\'');
    out
}

fn escape_into(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// A field, case or flag name as WAVE writes it: `%` before a word WAVE keeps for
/// itself.
pub fn label(name: &str) -> String {
    match name {
        "true" | "false" | "some" | "none" | "ok" | "err" | "inf" | "nan" => format!("%{name}"),
        _ => name.to_owned(),
    }
}

/// Why a WAVE text is not a value of its type, with where (byte offsets in the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaveError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Parses `text` as a value of `ty`.
pub fn parse(ty: &Ty, text: &str) -> Result<Val, WaveError> {
    if let Some(what) = ty.unsupported() {
        return Err(WaveError {
            message: format!("values of type {what} cannot be written yet"),
            start: 0,
            end: 0,
        });
    }
    wasm_wave::from_str::<Val>(ty, text).map_err(|e| {
        let span = e.span();
        WaveError {
            message: e.to_string(),
            start: span.start,
            end: span.end,
        }
    })
}

/// Writes `val` as WAVE text.
pub fn write(val: &Val) -> String {
    // WAVE has no handles: they are written as the word `handle(n)`, as a case would be.
    fn shown(val: &Val) -> Val {
        let many = |vals: &[Val]| vals.iter().map(shown).collect();
        let boxed = |v: &Option<Box<Val>>| v.as_deref().map(|v| Box::new(shown(v)));
        match val {
            Val::Handle(rep) => Val::Enum(format!("handle({rep})")),
            Val::List(vals) => Val::List(many(vals)),
            Val::Tuple(vals) => Val::Tuple(many(vals)),
            Val::Record(fields) => {
                Val::Record(fields.iter().map(|(k, v)| (k.clone(), shown(v))).collect())
            }
            Val::Variant(case, v) => Val::Variant(case.clone(), boxed(v)),
            Val::Option(v) => Val::Option(boxed(v)),
            Val::Result(Ok(v)) => Val::Result(Ok(boxed(v))),
            Val::Result(Err(v)) => Val::Result(Err(boxed(v))),
            other => other.clone(),
        }
    }
    let val = &shown(val);
    // Our values are made by our own parser and lifter, never with a kind that
    // does not match their type: the writer fails on neither.
    wasm_wave::to_string(val).unwrap_or_else(|e| format!("<{e}>"))
}

impl WasmType for Ty {
    fn kind(&self) -> WasmTypeKind {
        match self {
            Ty::Bool => WasmTypeKind::Bool,
            Ty::S8 => WasmTypeKind::S8,
            Ty::U8 => WasmTypeKind::U8,
            Ty::S16 => WasmTypeKind::S16,
            Ty::U16 => WasmTypeKind::U16,
            Ty::S32 => WasmTypeKind::S32,
            Ty::U32 => WasmTypeKind::U32,
            Ty::S64 => WasmTypeKind::S64,
            Ty::U64 => WasmTypeKind::U64,
            Ty::F32 => WasmTypeKind::F32,
            Ty::F64 => WasmTypeKind::F64,
            Ty::Char => WasmTypeKind::Char,
            Ty::String => WasmTypeKind::String,
            // A fixed list is written as a list; its length is checked on lowering.
            Ty::List(_) | Ty::FixedList(..) => WasmTypeKind::List,
            Ty::Record(_) => WasmTypeKind::Record,
            Ty::Tuple(_) => WasmTypeKind::Tuple,
            Ty::Variant(_) => WasmTypeKind::Variant,
            Ty::Enum(_) => WasmTypeKind::Enum,
            Ty::Flags(_) => WasmTypeKind::Flags,
            Ty::Option(_) => WasmTypeKind::Option,
            Ty::Result(..) => WasmTypeKind::Result,
            Ty::Own(_) | Ty::Borrow(_) | Ty::Unsupported(_) => WasmTypeKind::Unsupported,
        }
    }

    fn list_element_type(&self) -> Option<Self> {
        match self {
            Ty::List(t) | Ty::FixedList(t, _) => Some((**t).clone()),
            _ => None,
        }
    }

    fn record_fields(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Self)> + '_> {
        match self {
            Ty::Record(fields) => Box::new(
                fields
                    .iter()
                    .map(|(name, t)| (Cow::Borrowed(name.as_str()), t.clone())),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn tuple_element_types(&self) -> Box<dyn Iterator<Item = Self> + '_> {
        match self {
            Ty::Tuple(ts) => Box::new(ts.iter().cloned()),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn variant_cases(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Option<Self>)> + '_> {
        match self {
            Ty::Variant(cases) => Box::new(
                cases
                    .iter()
                    .map(|(name, t)| (Cow::Borrowed(name.as_str()), t.clone())),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn enum_cases(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match self {
            Ty::Enum(cases) => Box::new(cases.iter().map(|c| Cow::Borrowed(c.as_str()))),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn option_some_type(&self) -> Option<Self> {
        match self {
            Ty::Option(t) => Some((**t).clone()),
            _ => None,
        }
    }

    fn result_types(&self) -> Option<(Option<Self>, Option<Self>)> {
        match self {
            Ty::Result(ok, err) => Some((ok.as_deref().cloned(), err.as_deref().cloned())),
            _ => None,
        }
    }

    fn flags_names(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match self {
            Ty::Flags(names) => Box::new(names.iter().map(|n| Cow::Borrowed(n.as_str()))),
            _ => Box::new(std::iter::empty()),
        }
    }
}

fn wrong(ty: &Ty, what: &str) -> WasmValueError {
    WasmValueError::Other(format!("{what} is not a value of type {ty}"))
}

impl WasmValue for Val {
    type Type = Ty;

    fn kind(&self) -> WasmTypeKind {
        match self {
            Val::Bool(_) => WasmTypeKind::Bool,
            Val::S8(_) => WasmTypeKind::S8,
            Val::U8(_) => WasmTypeKind::U8,
            Val::S16(_) => WasmTypeKind::S16,
            Val::U16(_) => WasmTypeKind::U16,
            Val::S32(_) => WasmTypeKind::S32,
            Val::U32(_) => WasmTypeKind::U32,
            Val::S64(_) => WasmTypeKind::S64,
            Val::U64(_) => WasmTypeKind::U64,
            Val::F32(_) => WasmTypeKind::F32,
            Val::F64(_) => WasmTypeKind::F64,
            Val::Char(_) => WasmTypeKind::Char,
            Val::String(_) => WasmTypeKind::String,
            Val::List(_) => WasmTypeKind::List,
            Val::Record(_) => WasmTypeKind::Record,
            Val::Tuple(_) => WasmTypeKind::Tuple,
            Val::Variant(..) => WasmTypeKind::Variant,
            Val::Enum(_) => WasmTypeKind::Enum,
            Val::Flags(_) => WasmTypeKind::Flags,
            Val::Option(_) => WasmTypeKind::Option,
            Val::Result(_) => WasmTypeKind::Result,
            Val::Handle(_) => WasmTypeKind::Unsupported,
        }
    }

    fn make_bool(val: bool) -> Self {
        Val::Bool(val)
    }
    fn make_s8(val: i8) -> Self {
        Val::S8(val)
    }
    fn make_s16(val: i16) -> Self {
        Val::S16(val)
    }
    fn make_s32(val: i32) -> Self {
        Val::S32(val)
    }
    fn make_s64(val: i64) -> Self {
        Val::S64(val)
    }
    fn make_u8(val: u8) -> Self {
        Val::U8(val)
    }
    fn make_u16(val: u16) -> Self {
        Val::U16(val)
    }
    fn make_u32(val: u32) -> Self {
        Val::U32(val)
    }
    fn make_u64(val: u64) -> Self {
        Val::U64(val)
    }
    fn make_f32(val: f32) -> Self {
        Val::F32(val)
    }
    fn make_f64(val: f64) -> Self {
        Val::F64(val)
    }
    fn make_char(val: char) -> Self {
        Val::Char(val)
    }
    fn make_string(val: Cow<str>) -> Self {
        Val::String(val.into_owned())
    }

    fn make_list(ty: &Ty, vals: impl IntoIterator<Item = Self>) -> Result<Self, WasmValueError> {
        let vals: Vec<Val> = vals.into_iter().collect();
        match ty {
            Ty::List(_) => Ok(Val::List(vals)),
            Ty::FixedList(_, n) if vals.len() == *n as usize => Ok(Val::List(vals)),
            Ty::FixedList(_, n) => Err(WasmValueError::Other(format!(
                "{ty} takes exactly {n} values, not {}",
                vals.len()
            ))),
            _ => Err(wrong(ty, "a list")),
        }
    }

    fn make_record<'a>(
        ty: &Ty,
        fields: impl IntoIterator<Item = (&'a str, Self)>,
    ) -> Result<Self, WasmValueError> {
        let Ty::Record(types) = ty else {
            return Err(wrong(ty, "a record"));
        };
        let mut given: Vec<(&str, Val)> = fields.into_iter().collect();
        let mut out = Vec::with_capacity(types.len());
        for (name, _) in types {
            let Some(at) = given.iter().position(|(n, _)| n == name) else {
                return Err(WasmValueError::MissingField(name.clone()));
            };
            out.push((name.clone(), given.swap_remove(at).1));
        }
        if let Some((extra, _)) = given.first() {
            return Err(WasmValueError::UnknownField(extra.to_string()));
        }
        Ok(Val::Record(out))
    }

    fn make_tuple(ty: &Ty, vals: impl IntoIterator<Item = Self>) -> Result<Self, WasmValueError> {
        let Ty::Tuple(types) = ty else {
            return Err(wrong(ty, "a tuple"));
        };
        let vals: Vec<Val> = vals.into_iter().collect();
        if vals.len() != types.len() {
            return Err(WasmValueError::WrongNumberOfTupleValues {
                want: types.len(),
                got: vals.len(),
            });
        }
        Ok(Val::Tuple(vals))
    }

    fn make_variant(ty: &Ty, case: &str, val: Option<Self>) -> Result<Self, WasmValueError> {
        let Ty::Variant(cases) = ty else {
            return Err(wrong(ty, "a variant"));
        };
        let Some((name, payload)) = cases.iter().find(|(n, _)| n == case) else {
            return Err(WasmValueError::UnknownCase(case.to_owned()));
        };
        match (payload, val) {
            (Some(_), None) => Err(WasmValueError::MissingPayload(case.to_owned())),
            (None, Some(_)) => Err(WasmValueError::UnexpectedPayload(case.to_owned())),
            (_, val) => Ok(Val::Variant(name.clone(), val.map(Box::new))),
        }
    }

    fn make_enum(ty: &Ty, case: &str) -> Result<Self, WasmValueError> {
        match ty {
            Ty::Enum(cases) if cases.iter().any(|c| c == case) => Ok(Val::Enum(case.to_owned())),
            Ty::Enum(_) => Err(WasmValueError::UnknownCase(case.to_owned())),
            _ => Err(wrong(ty, "an enum case")),
        }
    }

    fn make_option(ty: &Ty, val: Option<Self>) -> Result<Self, WasmValueError> {
        match ty {
            Ty::Option(_) => Ok(Val::Option(val.map(Box::new))),
            _ => Err(wrong(ty, "an option")),
        }
    }

    fn make_result(
        ty: &Ty,
        val: Result<Option<Self>, Option<Self>>,
    ) -> Result<Self, WasmValueError> {
        let Ty::Result(ok, err) = ty else {
            return Err(wrong(ty, "a result"));
        };
        let fits = |want: &Option<Box<Ty>>, got: &Option<Val>, case: &str| match (want, got) {
            (Some(_), None) => Err(WasmValueError::MissingPayload(case.to_owned())),
            (None, Some(_)) => Err(WasmValueError::UnexpectedPayload(case.to_owned())),
            _ => Ok(()),
        };
        match val {
            Ok(v) => {
                fits(ok, &v, "ok")?;
                Ok(Val::Result(Ok(v.map(Box::new))))
            }
            Err(v) => {
                fits(err, &v, "err")?;
                Ok(Val::Result(Err(v.map(Box::new))))
            }
        }
    }

    fn make_flags<'a>(
        ty: &Ty,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, WasmValueError> {
        let Ty::Flags(all) = ty else {
            return Err(wrong(ty, "flags"));
        };
        let set: Vec<&str> = names.into_iter().collect();
        if let Some(unknown) = set.iter().find(|n| !all.iter().any(|a| a == *n)) {
            return Err(WasmValueError::UnknownCase(unknown.to_string()));
        }
        Ok(Val::Flags(
            all.iter()
                .filter(|a| set.contains(&a.as_str()))
                .cloned()
                .collect(),
        ))
    }

    // The `unwrap_*` methods are called by the writer only for the matching kind;
    // a mismatch writes a neutral value rather than panic.
    fn unwrap_bool(&self) -> bool {
        matches!(self, Val::Bool(true))
    }
    fn unwrap_s8(&self) -> i8 {
        if let Val::S8(x) = self { *x } else { 0 }
    }
    fn unwrap_s16(&self) -> i16 {
        if let Val::S16(x) = self { *x } else { 0 }
    }
    fn unwrap_s32(&self) -> i32 {
        if let Val::S32(x) = self { *x } else { 0 }
    }
    fn unwrap_s64(&self) -> i64 {
        if let Val::S64(x) = self { *x } else { 0 }
    }
    fn unwrap_u8(&self) -> u8 {
        if let Val::U8(x) = self { *x } else { 0 }
    }
    fn unwrap_u16(&self) -> u16 {
        if let Val::U16(x) = self { *x } else { 0 }
    }
    fn unwrap_u32(&self) -> u32 {
        if let Val::U32(x) = self { *x } else { 0 }
    }
    fn unwrap_u64(&self) -> u64 {
        if let Val::U64(x) = self { *x } else { 0 }
    }
    fn unwrap_f32(&self) -> f32 {
        if let Val::F32(x) = self { *x } else { 0.0 }
    }
    fn unwrap_f64(&self) -> f64 {
        if let Val::F64(x) = self { *x } else { 0.0 }
    }
    fn unwrap_char(&self) -> char {
        if let Val::Char(x) = self { *x } else { '\0' }
    }
    fn unwrap_string(&self) -> Cow<'_, str> {
        if let Val::String(s) = self {
            Cow::Borrowed(s)
        } else {
            Cow::Borrowed("")
        }
    }
    fn unwrap_list(&self) -> Box<dyn Iterator<Item = Cow<'_, Self>> + '_> {
        match self {
            Val::List(vals) => Box::new(vals.iter().map(Cow::Borrowed)),
            _ => Box::new(std::iter::empty()),
        }
    }
    fn unwrap_record(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, Cow<'_, Self>)> + '_> {
        match self {
            Val::Record(fields) => Box::new(
                fields
                    .iter()
                    .map(|(n, v)| (Cow::Borrowed(n.as_str()), Cow::Borrowed(v))),
            ),
            _ => Box::new(std::iter::empty()),
        }
    }
    fn unwrap_tuple(&self) -> Box<dyn Iterator<Item = Cow<'_, Self>> + '_> {
        match self {
            Val::Tuple(vals) => Box::new(vals.iter().map(Cow::Borrowed)),
            _ => Box::new(std::iter::empty()),
        }
    }
    fn unwrap_variant(&self) -> (Cow<'_, str>, Option<Cow<'_, Self>>) {
        match self {
            Val::Variant(case, val) => (
                Cow::Borrowed(case.as_str()),
                val.as_deref().map(Cow::Borrowed),
            ),
            _ => (Cow::Borrowed(""), None),
        }
    }
    fn unwrap_enum(&self) -> Cow<'_, str> {
        match self {
            Val::Enum(case) => Cow::Borrowed(case.as_str()),
            _ => Cow::Borrowed(""),
        }
    }
    fn unwrap_option(&self) -> Option<Cow<'_, Self>> {
        match self {
            Val::Option(val) => val.as_deref().map(Cow::Borrowed),
            _ => None,
        }
    }
    fn unwrap_result(&self) -> Result<Option<Cow<'_, Self>>, Option<Cow<'_, Self>>> {
        match self {
            Val::Result(Ok(val)) => Ok(val.as_deref().map(Cow::Borrowed)),
            Val::Result(Err(val)) => Err(val.as_deref().map(Cow::Borrowed)),
            _ => Ok(None),
        }
    }
    fn unwrap_flags(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match self {
            Val::Flags(names) => Box::new(names.iter().map(|n| Cow::Borrowed(n.as_str()))),
            _ => Box::new(std::iter::empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point() -> Ty {
        Ty::Record(vec![("x".into(), Ty::F64), ("y".into(), Ty::F64)])
    }

    #[test]
    fn wave_text_round_trips_through_our_types() {
        let cases: Vec<(Ty, &str)> = vec![
            (Ty::U32, "42"),
            (Ty::S8, "-128"),
            (Ty::F64, "nan"),
            (Ty::Char, "'☃'"),
            (Ty::String, "\"a \\\"b\\\"\\n\""),
            (Ty::List(Box::new(Ty::U8)), "[1, 2, 3]"),
            (point(), "{x: 1.5, y: -2}"),
            (Ty::Tuple(vec![Ty::Bool, Ty::String]), "(true, \"t\")"),
            (
                Ty::Variant(vec![("none".into(), None), ("at".into(), Some(point()))]),
                "at({x: 0, y: 1})",
            ),
            (Ty::Enum(vec!["red".into(), "green".into()]), "green"),
            (
                Ty::Flags(vec!["r".into(), "w".into(), "x".into()]),
                "{r, x}",
            ),
            (Ty::Option(Box::new(Ty::U16)), "some(7)"),
            (Ty::Option(Box::new(Ty::U16)), "none"),
            (
                Ty::Result(Some(Box::new(Ty::U32)), Some(Box::new(Ty::String))),
                "err(\"no\")",
            ),
            (Ty::Result(None, None), "ok"),
        ];
        for (ty, text) in cases {
            let val = parse(&ty, text).unwrap_or_else(|e| panic!("{ty} {text}: {e:?}"));
            let again = parse(&ty, &write(&val)).unwrap();
            // NaN is not equal to itself: compare its text.
            assert_eq!(write(&again), write(&val), "{ty}");
        }
        // Fields come back in the type's order, whatever order they were written in.
        assert_eq!(
            parse(&point(), "{y: 2, x: 1}").unwrap(),
            Val::Record(vec![
                ("x".into(), Val::F64(1.0)),
                ("y".into(), Val::F64(2.0))
            ])
        );
    }

    #[test]
    fn wrong_text_is_an_error_with_where() {
        for (ty, text) in [
            (Ty::U8, "256"),
            (Ty::U32, "-1"),
            (point(), "{x: 1}"),
            (point(), "{x: 1, y: 2, z: 3}"),
            (Ty::Enum(vec!["a".into()]), "b"),
            (Ty::String, "\"open"),
            (Ty::FixedList(Box::new(Ty::U8), 2), "[1]"),
            (Ty::Unsupported("own<resource>".into()), "x"),
            (Ty::U32, ""),
        ] {
            let e = parse(&ty, text).expect_err(text);
            assert!(!e.message.is_empty(), "{ty} {text}");
            assert!(e.end <= text.len());
        }
    }

    #[test]
    fn texts_the_form_writes_parse_back() {
        for text in [
            "",
            "plain",
            "a \"quoted\" \\ path\n\t\r",
            "nul \u{0} bell \u{7}",
            "世界 ☃ 😀",
        ] {
            assert_eq!(
                parse(&Ty::String, &quote_string(text)).unwrap(),
                Val::String(text.into()),
                "{text:?}"
            );
        }
        for c in ['a', '\'', '"', '\\', '\n', '\u{0}', '😀'] {
            assert_eq!(
                parse(&Ty::Char, &quote_char(c)).unwrap(),
                Val::Char(c),
                "{c:?}"
            );
        }
        let ty = Ty::Variant(vec![("some".into(), None), ("other".into(), None)]);
        assert_eq!(
            parse(&ty, &label("some")).unwrap(),
            Val::Variant("some".into(), None)
        );
        assert_eq!(label("other"), "other");
    }

    #[test]
    fn a_value_becomes_a_tree_cut_at_its_limit() {
        let ty = Ty::Record(vec![
            ("name".into(), Ty::String),
            ("scores".into(), Ty::List(Box::new(Ty::U8))),
            ("best".into(), Ty::Option(Box::new(point()))),
        ]);
        let val = parse(
            &ty,
            r#"{name: "a", scores: [1, 2, 3, 4], best: some({x: 1, y: 2})}"#,
        )
        .unwrap();
        let t = tree(&val, 1000);
        let keys: Vec<&str> = t.children.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["name", "scores", "best"]);
        assert_eq!(t.children[0].text, "\"a\"");
        assert_eq!(t.children[1].children[3].text, "4");
        assert_eq!(t.children[2].text, "some");
        assert_eq!(t.children[2].children[0].children[1].key, "y");
        // Cut: the root, name, scores and two scores; two left out.
        let cut = tree(&val, 5);
        assert_eq!(cut.children[1].children.len(), 2);
        assert_eq!(cut.children[1].more, 2);
    }

    #[test]
    fn every_type_has_a_default_that_writes_and_parses() {
        let ty = Ty::Record(vec![
            ("name".into(), Ty::String),
            ("tags".into(), Ty::List(Box::new(Ty::String))),
            ("pair".into(), Ty::FixedList(Box::new(Ty::U8), 2)),
            ("mode".into(), Ty::Enum(vec!["fast".into(), "slow".into()])),
            ("perms".into(), Ty::Flags(vec!["read".into()])),
            (
                "kind".into(),
                Ty::Variant(vec![("n".into(), Some(Ty::S64))]),
            ),
            ("maybe".into(), Ty::Option(Box::new(Ty::Char))),
            ("done".into(), Ty::Result(Some(Box::new(point())), None)),
        ]);
        let val = ty.default_value().unwrap();
        let text = write(&val);
        assert_eq!(parse(&ty, &text).unwrap(), val, "{text}");
        assert_eq!(Ty::Unsupported("stream".into()).default_value(), None);
    }
}
