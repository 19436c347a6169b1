//! The component model's canonical ABI: how a component value becomes core values
//! and bytes in a guest's memory (lowering) and back (lifting), following the
//! specification's `CanonicalABI.md` (sizes and alignments, flattening, variants'
//! joined types, strings in UTF-8, UTF-16 or latin1+UTF-16, lists through the guest's
//! `cabi_realloc`).
//!
//! Everything a guest hands over is checked: a pointer or length past its memory, a
//! misaligned pointer, invalid UTF-8 or UTF-16, a `char` that is not a scalar value,
//! a discriminant past the last case, flags past the last name, an allocation out of
//! bounds. Each is an [`AbiError`], never a panic.

use super::types::{FuncTy, Ty};
use super::val::Val;
use crate::domain::inspect::{NumType, Value};
use std::fmt;

/// Flat parameters past this many go through memory.
pub const MAX_FLAT_PARAMS: usize = 16;
/// Flat results past this many go through memory.
pub const MAX_FLAT_RESULTS: usize = 1;

/// How strings are encoded in the guest's memory (a canonical option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf16,
    /// latin1 where every character fits a byte, UTF-16 otherwise (the length's top
    /// bit tells which).
    Latin1Utf16,
}

/// What lifting and lowering need of the guest: its memory, and its `cabi_realloc`.
pub trait Guest {
    fn read(&mut self, at: u32, len: u32) -> Result<Vec<u8>, AbiError>;
    fn write(&mut self, at: u32, bytes: &[u8]) -> Result<(), AbiError>;
    /// `cabi_realloc(old, old_size, align, size)`: a new block of `size` bytes.
    fn realloc(&mut self, align: u32, size: u32) -> Result<u32, AbiError>;
    fn encoding(&self) -> Encoding;
    /// The host's representation of the guest's handle `index` to `resource`: taken
    /// from the guest's table when owned, looked up when borrowed.
    fn lift_handle(&mut self, resource: &str, own: bool, index: u32) -> Result<u32, AbiError>;
    /// A new handle in the guest's table to `resource`'s representation `rep`.
    fn lower_handle(&mut self, resource: &str, own: bool, rep: u32) -> Result<u32, AbiError>;
}

/// A component instance's table of resource handles: index (from 1) to resource,
/// representation and whether the guest owns it.
#[derive(Debug, Default)]
pub struct Handles {
    slots: Vec<Option<(String, u32, bool)>>,
}

impl Handles {
    pub fn insert(&mut self, resource: &str, rep: u32, own: bool) -> u32 {
        let entry = Some((resource.to_owned(), rep, own));
        match self.slots.iter().position(Option::is_none) {
            Some(free) => {
                self.slots[free] = entry;
                free as u32 + 1
            }
            None => {
                self.slots.push(entry);
                self.slots.len() as u32
            }
        }
    }

    fn slot(
        &mut self,
        resource: &str,
        index: u32,
    ) -> Result<&mut Option<(String, u32, bool)>, AbiError> {
        let bad = || AbiError::BadHandle {
            index,
            resource: resource.to_owned(),
        };
        let slot = index
            .checked_sub(1)
            .and_then(|i| self.slots.get_mut(i as usize))
            .ok_or_else(bad)?;
        match slot {
            Some((r, _, _)) if r == resource => Ok(slot),
            _ => Err(bad()),
        }
    }

    /// The representation behind handle `index`.
    pub fn get(&mut self, resource: &str, index: u32) -> Result<u32, AbiError> {
        Ok(self
            .slot(resource, index)?
            .as_ref()
            .map_or(0, |(_, rep, _)| *rep))
    }

    /// Takes handle `index` out of the table: its representation, and whether it
    /// was owned.
    pub fn take(&mut self, resource: &str, index: u32) -> Result<(u32, bool), AbiError> {
        let slot = self.slot(resource, index)?;
        let (_, rep, own) = slot.take().unwrap_or_default();
        Ok((rep, own))
    }
}

/// Why a value could not cross.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AbiError {
    /// `len` bytes at `at` are not all inside the guest's memory.
    OutOfBounds {
        at: u64,
        len: u64,
    },
    Misaligned {
        at: u32,
        align: u32,
    },
    InvalidUtf8,
    InvalidUtf16,
    /// Not a Unicode scalar value.
    BadChar(u32),
    /// A case number past the last case.
    BadCase {
        case: u32,
        cases: usize,
    },
    /// Flags set past the last name.
    BadFlags,
    /// A length that cannot be a list or string in a 32-bit memory.
    TooLong(u64),
    /// The function passes strings or lists and the component gave no memory or
    /// `cabi_realloc`.
    NoMemory,
    NoRealloc,
    /// A value that is not of its type (ours to prevent; named rather than a panic).
    Mismatch {
        ty: String,
    },
    /// Fewer core values than the type needs.
    MissingCoreValue,
    /// A handle that is not in the table, or is to another resource.
    BadHandle {
        index: u32,
        resource: String,
    },
    /// The guest trapped in `cabi_realloc`, or the engine refused.
    Engine(String),
}

impl fmt::Display for AbiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AbiError::OutOfBounds { at, len } => {
                write!(
                    f,
                    "{len} bytes at {at:#x} are outside the component's memory"
                )
            }
            AbiError::Misaligned { at, align } => {
                write!(f, "pointer {at:#x} is not aligned to {align} bytes")
            }
            AbiError::InvalidUtf8 => f.write_str("a string is not valid UTF-8"),
            AbiError::InvalidUtf16 => f.write_str("a string is not valid UTF-16"),
            AbiError::BadChar(c) => write!(f, "{c:#x} is not a Unicode scalar value"),
            AbiError::BadCase { case, cases } => {
                write!(f, "case {case} does not exist (there are {cases})")
            }
            AbiError::BadFlags => f.write_str("flags are set past the last name"),
            AbiError::TooLong(n) => write!(f, "a length of {n} does not fit a 32-bit memory"),
            AbiError::NoMemory => f.write_str("the component gave no memory for this call"),
            AbiError::NoRealloc => f.write_str("the component gave no cabi_realloc for this call"),
            AbiError::Mismatch { ty } => write!(f, "a value is not of type {ty}"),
            AbiError::MissingCoreValue => f.write_str("too few core values for the type"),
            AbiError::BadHandle { index, resource } => {
                write!(f, "handle {index} is not a {resource}")
            }
            AbiError::Engine(message) => f.write_str(message),
        }
    }
}

/// `Ok` when `ptr` is a multiple of `align`.
fn aligned(ptr: u32, align: u32) -> Result<(), AbiError> {
    if ptr.is_multiple_of(align) {
        Ok(())
    } else {
        Err(AbiError::Misaligned { at: ptr, align })
    }
}

fn align_to(offset: u32, align: u32) -> u32 {
    offset.div_ceil(align) * align
}

fn discriminant_size(cases: usize) -> u32 {
    match cases {
        0..=256 => 1,
        257..=65536 => 2,
        _ => 4,
    }
}

fn flags_size(n: usize) -> u32 {
    match n {
        0 => 0,
        1..=8 => 1,
        9..=16 => 2,
        _ => 4 * (n as u32).div_ceil(32),
    }
}

/// The cases of a variant-like type (variant, enum, option, result), with payloads.
fn cases(ty: &Ty) -> Option<Vec<Option<&Ty>>> {
    match ty {
        Ty::Variant(cases) => Some(cases.iter().map(|(_, t)| t.as_ref()).collect()),
        Ty::Enum(cases) => Some(vec![None; cases.len()]),
        Ty::Option(t) => Some(vec![None, Some(t)]),
        Ty::Result(ok, err) => Some(vec![ok.as_deref(), err.as_deref()]),
        _ => None,
    }
}

/// Alignment in memory.
pub fn align(ty: &Ty) -> u32 {
    match ty {
        Ty::Bool | Ty::S8 | Ty::U8 => 1,
        Ty::S16 | Ty::U16 => 2,
        Ty::S32 | Ty::U32 | Ty::F32 | Ty::Char | Ty::String | Ty::List(_) => 4,
        Ty::Own(_) | Ty::Borrow(_) => 4,
        Ty::S64 | Ty::U64 | Ty::F64 => 8,
        Ty::FixedList(t, _) => align(t),
        Ty::Record(fields) => fields.iter().map(|(_, t)| align(t)).max().unwrap_or(1),
        Ty::Tuple(ts) => ts.iter().map(align).max().unwrap_or(1),
        Ty::Flags(names) => flags_size(names.len()).clamp(1, 4),
        Ty::Unsupported(_) => 4,
        _ => {
            let cases = cases(ty).unwrap_or_default();
            let payload = cases.iter().flatten().map(|t| align(t)).max().unwrap_or(1);
            discriminant_size(cases.len()).max(payload)
        }
    }
}

/// Size in memory.
pub fn size(ty: &Ty) -> u32 {
    match ty {
        Ty::Bool | Ty::S8 | Ty::U8 => 1,
        Ty::S16 | Ty::U16 => 2,
        Ty::S32 | Ty::U32 | Ty::F32 | Ty::Char | Ty::Own(_) | Ty::Borrow(_) => 4,
        Ty::S64 | Ty::U64 | Ty::F64 | Ty::String | Ty::List(_) => 8,
        Ty::FixedList(t, n) => size(t).saturating_mul(*n),
        Ty::Record(fields) => fields_size(fields.iter().map(|(_, t)| t), align(ty)),
        Ty::Tuple(ts) => fields_size(ts.iter(), align(ty)),
        Ty::Flags(names) => flags_size(names.len()),
        Ty::Unsupported(_) => 4,
        _ => {
            let cases = cases(ty).unwrap_or_default();
            let mut s = discriminant_size(cases.len());
            let payload_align = cases.iter().flatten().map(|t| align(t)).max().unwrap_or(1);
            s = align_to(s, payload_align);
            s += cases.iter().flatten().map(|t| size(t)).max().unwrap_or(0);
            align_to(s, align(ty))
        }
    }
}

fn fields_size<'a>(fields: impl Iterator<Item = &'a Ty>, alignment: u32) -> u32 {
    let mut s = 0;
    for t in fields {
        s = align_to(s, align(t));
        s += size(t);
    }
    align_to(s, alignment)
}

fn join(a: NumType, b: NumType) -> NumType {
    match (a, b) {
        _ if a == b => a,
        (NumType::I32, NumType::F32) | (NumType::F32, NumType::I32) => NumType::I32,
        _ => NumType::I64,
    }
}

/// The core types a value of `ty` flattens to.
pub fn flatten(ty: &Ty, out: &mut Vec<NumType>) {
    match ty {
        Ty::Bool
        | Ty::S8
        | Ty::U8
        | Ty::S16
        | Ty::U16
        | Ty::S32
        | Ty::U32
        | Ty::Char
        | Ty::Own(_)
        | Ty::Borrow(_)
        | Ty::Unsupported(_) => out.push(NumType::I32),
        Ty::S64 | Ty::U64 => out.push(NumType::I64),
        Ty::F32 => out.push(NumType::F32),
        Ty::F64 => out.push(NumType::F64),
        Ty::String | Ty::List(_) => out.extend([NumType::I32, NumType::I32]),
        Ty::FixedList(t, n) => {
            for _ in 0..*n {
                flatten(t, out);
            }
        }
        Ty::Record(fields) => fields.iter().for_each(|(_, t)| flatten(t, out)),
        Ty::Tuple(ts) => ts.iter().for_each(|t| flatten(t, out)),
        Ty::Flags(names) => out.extend(std::iter::repeat_n(NumType::I32, names.len().div_ceil(32))),
        _ => {
            out.push(NumType::I32);
            out.extend(joined(ty));
        }
    }
}

/// The joined payload types of a variant-like type (after its discriminant).
fn joined(ty: &Ty) -> Vec<NumType> {
    let mut flat: Vec<NumType> = Vec::new();
    for t in cases(ty).unwrap_or_default().into_iter().flatten() {
        let mut case = Vec::new();
        flatten(t, &mut case);
        for (i, c) in case.into_iter().enumerate() {
            match flat.get_mut(i) {
                Some(have) => *have = join(*have, c),
                None => flat.push(c),
            }
        }
    }
    flat
}

fn flat_count(ty: &Ty) -> usize {
    let mut out = Vec::new();
    flatten(ty, &mut out);
    out.len()
}

/// Which side of a call the core function is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A lifted export: the guest's function, called by the host.
    Export,
    /// A lowered import: the host's function, called by the guest.
    Import,
}

/// The core signature of a component function on one side.
pub fn core_signature(f: &FuncTy, side: Side) -> (Vec<NumType>, Vec<NumType>) {
    let mut params = Vec::new();
    for (_, t) in &f.params {
        flatten(t, &mut params);
    }
    if params.len() > MAX_FLAT_PARAMS {
        params = vec![NumType::I32];
    }
    let mut results = Vec::new();
    if let Some(t) = &f.result {
        flatten(t, &mut results);
    }
    if results.len() > MAX_FLAT_RESULTS {
        match side {
            Side::Export => results = vec![NumType::I32],
            Side::Import => {
                params.push(NumType::I32);
                results.clear();
            }
        }
    }
    (params, results)
}

fn params_tuple(f: &FuncTy) -> Ty {
    Ty::Tuple(f.params.iter().map(|(_, t)| t.clone()).collect())
}

fn mismatch(ty: &Ty) -> AbiError {
    AbiError::Mismatch { ty: ty.to_string() }
}

fn as_u32(v: &Value) -> u32 {
    match *v {
        Value::I32(x) => x as u32,
        Value::I64(x) => x as u32,
        Value::F32(x) => x.to_bits(),
        Value::F64(x) => x.to_bits() as u32,
    }
}

/// Core values handed over, read one at a time.
struct Flat<'a> {
    values: std::slice::Iter<'a, Value>,
}

impl Flat<'_> {
    fn next(&mut self) -> Result<Value, AbiError> {
        self.values
            .next()
            .copied()
            .ok_or(AbiError::MissingCoreValue)
    }
    fn next_u32(&mut self) -> Result<u32, AbiError> {
        Ok(as_u32(&self.next()?))
    }
}

/// A value of `ty` stored at `at` in `buf` (a copy of guest memory read earlier),
/// following pointers into the guest through `g`.
fn load(ty: &Ty, buf: &[u8], at: usize, g: &mut dyn Guest) -> Result<Val, AbiError> {
    let bytes = |n: usize| -> Result<&[u8], AbiError> {
        buf.get(at..at + n).ok_or(AbiError::OutOfBounds {
            at: at as u64,
            len: n as u64,
        })
    };
    let u32_at = |off: usize| -> Result<u32, AbiError> {
        let b = buf.get(off..off + 4).ok_or(AbiError::OutOfBounds {
            at: off as u64,
            len: 4,
        })?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    Ok(match ty {
        Ty::Bool => Val::Bool(bytes(1)?[0] != 0),
        Ty::S8 => Val::S8(bytes(1)?[0] as i8),
        Ty::U8 => Val::U8(bytes(1)?[0]),
        Ty::S16 => Val::S16(i16::from_le_bytes(bytes(2)?.try_into().unwrap_or_default())),
        Ty::U16 => Val::U16(u16::from_le_bytes(bytes(2)?.try_into().unwrap_or_default())),
        Ty::S32 => Val::S32(u32_at(at)? as i32),
        Ty::U32 => Val::U32(u32_at(at)?),
        Ty::S64 => Val::S64(i64::from_le_bytes(bytes(8)?.try_into().unwrap_or_default())),
        Ty::U64 => Val::U64(u64::from_le_bytes(bytes(8)?.try_into().unwrap_or_default())),
        Ty::F32 => Val::F32(f32::from_bits(u32_at(at)?)),
        Ty::F64 => Val::F64(f64::from_bits(u64::from_le_bytes(
            bytes(8)?.try_into().unwrap_or_default(),
        ))),
        Ty::Char => Val::Char(char_from(u32_at(at)?)?),
        Ty::Own(r) => Val::Handle(g.lift_handle(r, true, u32_at(at)?)?),
        Ty::Borrow(r) => Val::Handle(g.lift_handle(r, false, u32_at(at)?)?),
        Ty::String => Val::String(lift_string(u32_at(at)?, u32_at(at + 4)?, g)?),
        Ty::List(t) => Val::List(lift_list(t, u32_at(at)?, u32_at(at + 4)?, g)?),
        Ty::FixedList(t, n) => {
            let s = size(t) as usize;
            let mut vals = Vec::with_capacity(*n as usize);
            for i in 0..*n as usize {
                vals.push(load(t, buf, at + i * s, g)?);
            }
            Val::List(vals)
        }
        Ty::Record(fields) => {
            let mut off = at as u32;
            let mut vals = Vec::with_capacity(fields.len());
            for (name, t) in fields {
                off = align_to(off, align(t));
                vals.push((name.clone(), load(t, buf, off as usize, g)?));
                off += size(t);
            }
            Val::Record(vals)
        }
        Ty::Tuple(ts) => {
            let mut off = at as u32;
            let mut vals = Vec::with_capacity(ts.len());
            for t in ts {
                off = align_to(off, align(t));
                vals.push(load(t, buf, off as usize, g)?);
                off += size(t);
            }
            Val::Tuple(vals)
        }
        Ty::Flags(names) => {
            let n = flags_size(names.len()) as usize;
            let b = bytes(n)?;
            let mut bits = 0u128;
            for (i, byte) in b.iter().enumerate().take(16) {
                bits |= u128::from(*byte) << (8 * i);
            }
            flags_from(
                names,
                &[bits as u32, (bits >> 32) as u32, (bits >> 64) as u32],
            )?
        }
        Ty::Unsupported(what) => return Err(unsupported(what)),
        _ => {
            let all = cases(ty).unwrap_or_default();
            let d = discriminant_size(all.len()) as usize;
            let case = match d {
                1 => u32::from(bytes(1)?[0]),
                2 => u32::from(u16::from_le_bytes(bytes(2)?.try_into().unwrap_or_default())),
                _ => u32_at(at)?,
            };
            let payload_align = all.iter().flatten().map(|t| align(t)).max().unwrap_or(1);
            let off = align_to(at as u32 + d as u32, payload_align) as usize;
            let payload_ty = *all.get(case as usize).ok_or(AbiError::BadCase {
                case,
                cases: all.len(),
            })?;
            let payload = match payload_ty {
                Some(t) => Some(Box::new(load(t, buf, off, g)?)),
                None => None,
            };
            make_case(ty, case as usize, payload)
        }
    })
}

fn unsupported(what: &str) -> AbiError {
    AbiError::Mismatch {
        ty: format!("{what} (not passed by this runner yet)"),
    }
}

fn make_case(ty: &Ty, case: usize, payload: Option<Box<Val>>) -> Val {
    match ty {
        Ty::Variant(cases) => Val::Variant(cases[case].0.clone(), payload),
        Ty::Enum(cases) => Val::Enum(cases[case].clone()),
        Ty::Option(_) => Val::Option(if case == 0 { None } else { payload }),
        _ => Val::Result(if case == 0 { Ok(payload) } else { Err(payload) }),
    }
}

/// The case number and payload of a variant-like value.
fn case_of<'a>(ty: &Ty, val: &'a Val) -> Result<(usize, Option<&'a Val>), AbiError> {
    match (ty, val) {
        (Ty::Variant(cases), Val::Variant(name, payload)) => cases
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| (i, payload.as_deref()))
            .ok_or_else(|| mismatch(ty)),
        (Ty::Enum(cases), Val::Enum(name)) => cases
            .iter()
            .position(|n| n == name)
            .map(|i| (i, None))
            .ok_or_else(|| mismatch(ty)),
        (Ty::Option(_), Val::Option(None)) => Ok((0, None)),
        (Ty::Option(_), Val::Option(Some(v))) => Ok((1, Some(v))),
        (Ty::Result(..), Val::Result(Ok(v))) => Ok((0, v.as_deref())),
        (Ty::Result(..), Val::Result(Err(v))) => Ok((1, v.as_deref())),
        _ => Err(mismatch(ty)),
    }
}

fn char_from(c: u32) -> Result<char, AbiError> {
    char::from_u32(c).ok_or(AbiError::BadChar(c))
}

fn flags_from(names: &[String], words: &[u32]) -> Result<Val, AbiError> {
    let mut set = Vec::new();
    for i in 0..names.len().div_ceil(32).max(1) * 32 {
        let bit = words.get(i / 32).copied().unwrap_or(0) >> (i % 32) & 1;
        if bit == 1 {
            set.push(names.get(i).ok_or(AbiError::BadFlags)?.clone());
        }
    }
    Ok(Val::Flags(set))
}

fn flag_words(names: &[String], val: &Val, ty: &Ty) -> Result<Vec<u32>, AbiError> {
    let Val::Flags(set) = val else {
        return Err(mismatch(ty));
    };
    let mut words = vec![0u32; names.len().div_ceil(32)];
    for name in set {
        let i = names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| mismatch(ty))?;
        words[i / 32] |= 1 << (i % 32);
    }
    Ok(words)
}

/// The longest string or list, in bytes, a guest may hand over (its whole memory
/// cannot be larger in 32 bits, and reading stops at its end anyway).
const MAX_LEN: u64 = 1 << 31;

fn lift_string(ptr: u32, len: u32, g: &mut dyn Guest) -> Result<String, AbiError> {
    let (utf16, units) = match g.encoding() {
        Encoding::Utf8 => (false, len),
        Encoding::Utf16 => (true, len),
        Encoding::Latin1Utf16 => (len & (1 << 31) != 0, len & !(1 << 31)),
    };
    if utf16 {
        aligned(ptr, 2)?;
        let bytes_len = u64::from(units) * 2;
        if bytes_len > MAX_LEN {
            return Err(AbiError::TooLong(bytes_len));
        }
        let bytes = g.read(ptr, bytes_len as u32)?;
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).map_err(|_| AbiError::InvalidUtf16)
    } else {
        if u64::from(units) > MAX_LEN {
            return Err(AbiError::TooLong(u64::from(units)));
        }
        let bytes = g.read(ptr, units)?;
        if g.encoding() == Encoding::Latin1Utf16 {
            Ok(bytes.iter().map(|b| char::from(*b)).collect())
        } else {
            String::from_utf8(bytes).map_err(|_| AbiError::InvalidUtf8)
        }
    }
}

/// Writes `s` into the guest: its pointer and length as the encoding counts it.
fn lower_string(s: &str, g: &mut dyn Guest) -> Result<(u32, u32), AbiError> {
    let too_long = |n: usize| AbiError::TooLong(n as u64);
    match g.encoding() {
        Encoding::Utf8 => {
            let len = u32::try_from(s.len()).map_err(|_| too_long(s.len()))?;
            let ptr = g.realloc(1, len)?;
            g.write(ptr, s.as_bytes())?;
            Ok((ptr, len))
        }
        Encoding::Latin1Utf16 if s.chars().all(|c| (c as u32) < 256) => {
            let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            let len = u32::try_from(bytes.len()).map_err(|_| too_long(bytes.len()))?;
            let ptr = g.realloc(2, len)?;
            g.write(ptr, &bytes)?;
            Ok((ptr, len))
        }
        encoding => {
            let units: Vec<u16> = s.encode_utf16().collect();
            let len = u32::try_from(units.len())
                .ok()
                .filter(|n| u64::from(*n) * 2 <= MAX_LEN)
                .ok_or_else(|| too_long(units.len()))?;
            let ptr = g.realloc(2, len * 2)?;
            aligned(ptr, 2)?;
            let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
            g.write(ptr, &bytes)?;
            let tag = if encoding == Encoding::Latin1Utf16 {
                1 << 31
            } else {
                0
            };
            Ok((ptr, len | tag))
        }
    }
}

fn lift_list(elem: &Ty, ptr: u32, len: u32, g: &mut dyn Guest) -> Result<Vec<Val>, AbiError> {
    let (s, a) = (size(elem), align(elem));
    aligned(ptr, a)?;
    let total = u64::from(len) * u64::from(s);
    if total > MAX_LEN || (s == 0 && u64::from(len) > MAX_LEN) {
        return Err(AbiError::TooLong(total.max(u64::from(len))));
    }
    let buf = g.read(ptr, total as u32)?;
    let mut vals = Vec::with_capacity(len.min(1 << 20) as usize);
    for i in 0..len as usize {
        vals.push(load(elem, &buf, i * s as usize, g)?);
    }
    Ok(vals)
}

fn lower_list(elem: &Ty, vals: &[Val], g: &mut dyn Guest) -> Result<(u32, u32), AbiError> {
    let s = size(elem);
    let total = vals.len() as u64 * u64::from(s);
    if total > MAX_LEN {
        return Err(AbiError::TooLong(total));
    }
    let a = align(elem);
    let ptr = g.realloc(a, total as u32)?;
    aligned(ptr, a)?;
    let mut buf = vec![0u8; total as usize];
    for (i, v) in vals.iter().enumerate() {
        store(elem, v, &mut buf, i * s as usize, g)?;
    }
    g.write(ptr, &buf)?;
    Ok((ptr, vals.len() as u32))
}

/// Stores `val` at `at` in `buf` (to be written to the guest by the caller), writing
/// what it points to into the guest through `g`.
fn store(ty: &Ty, val: &Val, buf: &mut [u8], at: usize, g: &mut dyn Guest) -> Result<(), AbiError> {
    fn put(buf: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), AbiError> {
        buf.get_mut(at..at + bytes.len())
            .ok_or(AbiError::OutOfBounds {
                at: at as u64,
                len: bytes.len() as u64,
            })?
            .copy_from_slice(bytes);
        Ok(())
    }
    match (ty, val) {
        (Ty::Bool, Val::Bool(x)) => put(buf, at, &[u8::from(*x)]),
        (Ty::S8, Val::S8(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::U8, Val::U8(x)) => put(buf, at, &[*x]),
        (Ty::S16, Val::S16(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::U16, Val::U16(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::S32, Val::S32(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::U32, Val::U32(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::S64, Val::S64(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::U64, Val::U64(x)) => put(buf, at, &x.to_le_bytes()),
        (Ty::F32, Val::F32(x)) => put(buf, at, &canonical_f32(*x).to_le_bytes()),
        (Ty::F64, Val::F64(x)) => put(buf, at, &canonical_f64(*x).to_le_bytes()),
        (Ty::Char, Val::Char(c)) => put(buf, at, &(*c as u32).to_le_bytes()),
        (Ty::Own(r), Val::Handle(rep)) => {
            put(buf, at, &g.lower_handle(r, true, *rep)?.to_le_bytes())
        }
        (Ty::Borrow(r), Val::Handle(rep)) => {
            put(buf, at, &g.lower_handle(r, false, *rep)?.to_le_bytes())
        }
        (Ty::String, Val::String(s)) => {
            let (ptr, len) = lower_string(s, g)?;
            put(buf, at, &ptr.to_le_bytes())?;
            put(buf, at + 4, &len.to_le_bytes())
        }
        (Ty::List(t), Val::List(vals)) => {
            let (ptr, len) = lower_list(t, vals, g)?;
            put(buf, at, &ptr.to_le_bytes())?;
            put(buf, at + 4, &len.to_le_bytes())
        }
        (Ty::FixedList(t, n), Val::List(vals)) if vals.len() == *n as usize => {
            let s = size(t) as usize;
            for (i, v) in vals.iter().enumerate() {
                store(t, v, buf, at + i * s, g)?;
            }
            Ok(())
        }
        (Ty::Record(fields), Val::Record(vals)) if fields.len() == vals.len() => {
            let mut off = at as u32;
            for ((_, t), (_, v)) in fields.iter().zip(vals) {
                off = align_to(off, align(t));
                store(t, v, buf, off as usize, g)?;
                off += size(t);
            }
            Ok(())
        }
        (Ty::Tuple(ts), Val::Tuple(vals)) if ts.len() == vals.len() => {
            let mut off = at as u32;
            for (t, v) in ts.iter().zip(vals) {
                off = align_to(off, align(t));
                store(t, v, buf, off as usize, g)?;
                off += size(t);
            }
            Ok(())
        }
        (Ty::Flags(names), _) => {
            let words = flag_words(names, val, ty)?;
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            put(buf, at, &bytes[..flags_size(names.len()) as usize])
        }
        (Ty::Variant(_) | Ty::Enum(_) | Ty::Option(_) | Ty::Result(..), _) => {
            let (case, payload) = case_of(ty, val)?;
            let all = cases(ty).unwrap_or_default();
            let d = discriminant_size(all.len()) as usize;
            put(buf, at, &(case as u32).to_le_bytes()[..d])?;
            let payload_align = all.iter().flatten().map(|t| align(t)).max().unwrap_or(1);
            let off = align_to(at as u32 + d as u32, payload_align) as usize;
            match (all[case], payload) {
                (Some(t), Some(v)) => store(t, v, buf, off, g),
                (None, None) => Ok(()),
                _ => Err(mismatch(ty)),
            }
        }
        (Ty::Unsupported(what), _) => Err(unsupported(what)),
        _ => Err(mismatch(ty)),
    }
}

/// The canonical NaN: the ABI does not carry NaN payloads.
fn canonical_f32(x: f32) -> f32 {
    if x.is_nan() {
        f32::from_bits(0x7fc0_0000)
    } else {
        x
    }
}

fn canonical_f64(x: f64) -> f64 {
    if x.is_nan() {
        f64::from_bits(0x7ff8_0000_0000_0000)
    } else {
        x
    }
}

/// `val` as core values, appended to `out`.
fn lower_flat(ty: &Ty, val: &Val, out: &mut Vec<Value>, g: &mut dyn Guest) -> Result<(), AbiError> {
    match (ty, val) {
        (Ty::Bool, Val::Bool(x)) => out.push(Value::I32(i32::from(*x))),
        (Ty::S8, Val::S8(x)) => out.push(Value::I32(i32::from(*x))),
        (Ty::U8, Val::U8(x)) => out.push(Value::I32(i32::from(*x))),
        (Ty::S16, Val::S16(x)) => out.push(Value::I32(i32::from(*x))),
        (Ty::U16, Val::U16(x)) => out.push(Value::I32(i32::from(*x))),
        (Ty::S32, Val::S32(x)) => out.push(Value::I32(*x)),
        (Ty::U32, Val::U32(x)) => out.push(Value::I32(*x as i32)),
        (Ty::S64, Val::S64(x)) => out.push(Value::I64(*x)),
        (Ty::U64, Val::U64(x)) => out.push(Value::I64(*x as i64)),
        (Ty::F32, Val::F32(x)) => out.push(Value::F32(canonical_f32(*x))),
        (Ty::F64, Val::F64(x)) => out.push(Value::F64(canonical_f64(*x))),
        (Ty::Char, Val::Char(c)) => out.push(Value::I32(*c as i32)),
        (Ty::Own(r), Val::Handle(rep)) => {
            out.push(Value::I32(g.lower_handle(r, true, *rep)? as i32))
        }
        (Ty::Borrow(r), Val::Handle(rep)) => {
            out.push(Value::I32(g.lower_handle(r, false, *rep)? as i32))
        }
        (Ty::String, Val::String(s)) => {
            let (ptr, len) = lower_string(s, g)?;
            out.extend([Value::I32(ptr as i32), Value::I32(len as i32)]);
        }
        (Ty::List(t), Val::List(vals)) => {
            let (ptr, len) = lower_list(t, vals, g)?;
            out.extend([Value::I32(ptr as i32), Value::I32(len as i32)]);
        }
        (Ty::FixedList(t, n), Val::List(vals)) if vals.len() == *n as usize => {
            for v in vals {
                lower_flat(t, v, out, g)?;
            }
        }
        (Ty::Record(fields), Val::Record(vals)) if fields.len() == vals.len() => {
            for ((_, t), (_, v)) in fields.iter().zip(vals) {
                lower_flat(t, v, out, g)?;
            }
        }
        (Ty::Tuple(ts), Val::Tuple(vals)) if ts.len() == vals.len() => {
            for (t, v) in ts.iter().zip(vals) {
                lower_flat(t, v, out, g)?;
            }
        }
        (Ty::Flags(names), _) => {
            for w in flag_words(names, val, ty)? {
                out.push(Value::I32(w as i32));
            }
        }
        (Ty::Variant(_) | Ty::Enum(_) | Ty::Option(_) | Ty::Result(..), _) => {
            let (case, payload) = case_of(ty, val)?;
            out.push(Value::I32(case as i32));
            let joined = joined(ty);
            let mut flat = Vec::new();
            match (cases(ty).unwrap_or_default()[case], payload) {
                (Some(t), Some(v)) => lower_flat(t, v, &mut flat, g)?,
                (None, None) => {}
                _ => return Err(mismatch(ty)),
            }
            for (i, want) in joined.iter().enumerate() {
                out.push(match flat.get(i) {
                    Some(v) => widen(*v, *want),
                    None => Value::zero(*want),
                });
            }
        }
        (Ty::Unsupported(what), _) => return Err(unsupported(what)),
        _ => return Err(mismatch(ty)),
    }
    Ok(())
}

/// A case's core value in its variant's joined type.
fn widen(v: Value, want: NumType) -> Value {
    match (v, want) {
        (Value::F32(x), NumType::I32) => Value::I32(x.to_bits() as i32),
        (Value::I32(x), NumType::I64) => Value::I64(i64::from(x as u32)),
        (Value::F32(x), NumType::I64) => Value::I64(i64::from(x.to_bits())),
        (Value::F64(x), NumType::I64) => Value::I64(x.to_bits() as i64),
        (v, _) => v,
    }
}

/// A joined core value back in the case's own type.
fn narrow(v: Value, want: NumType) -> Value {
    match (v, want) {
        (Value::I64(x), NumType::I32) => Value::I32(x as i32),
        (Value::I64(x), NumType::F32) => Value::F32(f32::from_bits(x as u32)),
        (Value::I64(x), NumType::F64) => Value::F64(f64::from_bits(x as u64)),
        (Value::I32(x), NumType::F32) => Value::F32(f32::from_bits(x as u32)),
        (v, _) => v,
    }
}

fn lift_flat(ty: &Ty, flat: &mut Flat<'_>, g: &mut dyn Guest) -> Result<Val, AbiError> {
    Ok(match ty {
        Ty::Bool => Val::Bool(flat.next_u32()? != 0),
        Ty::S8 => Val::S8(flat.next_u32()? as i8),
        Ty::U8 => Val::U8(flat.next_u32()? as u8),
        Ty::S16 => Val::S16(flat.next_u32()? as i16),
        Ty::U16 => Val::U16(flat.next_u32()? as u16),
        Ty::S32 => Val::S32(flat.next_u32()? as i32),
        Ty::U32 => Val::U32(flat.next_u32()?),
        Ty::S64 | Ty::U64 => {
            let x = match flat.next()? {
                Value::I64(x) => x,
                other => i64::from(as_u32(&other)),
            };
            if *ty == Ty::S64 {
                Val::S64(x)
            } else {
                Val::U64(x as u64)
            }
        }
        Ty::F32 => match flat.next()? {
            Value::F32(x) => Val::F32(x),
            other => Val::F32(f32::from_bits(as_u32(&other))),
        },
        Ty::F64 => match flat.next()? {
            Value::F64(x) => Val::F64(x),
            Value::I64(x) => Val::F64(f64::from_bits(x as u64)),
            other => Val::F64(f64::from(as_u32(&other))),
        },
        Ty::Char => Val::Char(char_from(flat.next_u32()?)?),
        Ty::Own(r) => Val::Handle(g.lift_handle(r, true, flat.next_u32()?)?),
        Ty::Borrow(r) => Val::Handle(g.lift_handle(r, false, flat.next_u32()?)?),
        Ty::String => {
            let (ptr, len) = (flat.next_u32()?, flat.next_u32()?);
            Val::String(lift_string(ptr, len, g)?)
        }
        Ty::List(t) => {
            let (ptr, len) = (flat.next_u32()?, flat.next_u32()?);
            Val::List(lift_list(t, ptr, len, g)?)
        }
        Ty::FixedList(t, n) => Val::List(
            (0..*n)
                .map(|_| lift_flat(t, flat, g))
                .collect::<Result<_, _>>()?,
        ),
        Ty::Record(fields) => Val::Record(
            fields
                .iter()
                .map(|(name, t)| Ok((name.clone(), lift_flat(t, flat, g)?)))
                .collect::<Result<_, AbiError>>()?,
        ),
        Ty::Tuple(ts) => Val::Tuple(
            ts.iter()
                .map(|t| lift_flat(t, flat, g))
                .collect::<Result<_, _>>()?,
        ),
        Ty::Flags(names) => {
            let words: Vec<u32> = (0..names.len().div_ceil(32))
                .map(|_| flat.next_u32())
                .collect::<Result<_, _>>()?;
            flags_from(names, &words)?
        }
        Ty::Unsupported(what) => return Err(unsupported(what)),
        _ => {
            let case = flat.next_u32()?;
            let all = cases(ty).unwrap_or_default();
            let payload_ty = *all.get(case as usize).ok_or(AbiError::BadCase {
                case,
                cases: all.len(),
            })?;
            let joined: Vec<Value> = joined(ty)
                .iter()
                .map(|_| flat.next())
                .collect::<Result<_, _>>()?;
            let payload = match payload_ty {
                Some(t) => {
                    let mut want = Vec::new();
                    flatten(t, &mut want);
                    let narrowed: Vec<Value> = joined
                        .iter()
                        .zip(&want)
                        .map(|(v, w)| narrow(*v, *w))
                        .collect();
                    let mut inner = Flat {
                        values: narrowed.iter(),
                    };
                    Some(Box::new(lift_flat(t, &mut inner, g)?))
                }
                None => None,
            };
            make_case(ty, case as usize, payload)
        }
    })
}

/// A block of guest memory for a value of `ty`, from `cabi_realloc`, checked.
fn allocate(ty: &Ty, g: &mut dyn Guest) -> Result<u32, AbiError> {
    let a = align(ty);
    let ptr = g.realloc(a, size(ty))?;
    aligned(ptr, a)?;
    Ok(ptr)
}

fn store_at(ty: &Ty, val: &Val, ptr: u32, g: &mut dyn Guest) -> Result<(), AbiError> {
    let a = align(ty);
    aligned(ptr, a)?;
    let mut buf = vec![0u8; size(ty) as usize];
    store(ty, val, &mut buf, 0, g)?;
    g.write(ptr, &buf)
}

fn load_at(ty: &Ty, ptr: u32, g: &mut dyn Guest) -> Result<Val, AbiError> {
    let a = align(ty);
    aligned(ptr, a)?;
    let buf = g.read(ptr, size(ty))?;
    load(ty, &buf, 0, g)
}

/// Calling an export: the arguments as the core function takes them.
pub fn lower_args(f: &FuncTy, args: &[Val], g: &mut dyn Guest) -> Result<Vec<Value>, AbiError> {
    if args.len() != f.params.len() {
        return Err(mismatch(&params_tuple(f)));
    }
    let tuple = params_tuple(f);
    if flat_count(&tuple) > MAX_FLAT_PARAMS {
        let ptr = allocate(&tuple, g)?;
        store_at(&tuple, &Val::Tuple(args.to_vec()), ptr, g)?;
        return Ok(vec![Value::I32(ptr as i32)]);
    }
    let mut out = Vec::new();
    for ((_, t), v) in f.params.iter().zip(args) {
        lower_flat(t, v, &mut out, g)?;
    }
    Ok(out)
}

/// Calling an export: its result from what the core function returned.
pub fn lift_result(
    f: &FuncTy,
    results: &[Value],
    g: &mut dyn Guest,
) -> Result<Option<Val>, AbiError> {
    let Some(t) = &f.result else {
        return Ok(None);
    };
    if flat_count(t) > MAX_FLAT_RESULTS {
        let ptr = results
            .first()
            .map(as_u32)
            .ok_or(AbiError::MissingCoreValue)?;
        return load_at(t, ptr, g).map(Some);
    }
    let mut flat = Flat {
        values: results.iter(),
    };
    lift_flat(t, &mut flat, g).map(Some)
}

/// A call to an import: its arguments from the core values the guest passed, and
/// where its result goes when that is memory.
pub fn lift_args(
    f: &FuncTy,
    core: &[Value],
    g: &mut dyn Guest,
) -> Result<(Vec<Val>, Option<u32>), AbiError> {
    let tuple = params_tuple(f);
    let mut flat = Flat {
        values: core.iter(),
    };
    let args = if flat_count(&tuple) > MAX_FLAT_PARAMS {
        match load_at(&tuple, flat.next_u32()?, g)? {
            Val::Tuple(vals) => vals,
            _ => return Err(mismatch(&tuple)),
        }
    } else {
        f.params
            .iter()
            .map(|(_, t)| lift_flat(t, &mut flat, g))
            .collect::<Result<_, _>>()?
    };
    let result_ptr = match &f.result {
        Some(t) if flat_count(t) > MAX_FLAT_RESULTS => Some(flat.next_u32()?),
        _ => None,
    };
    Ok((args, result_ptr))
}

/// A call to an import: its result handed back, as core values or stored at
/// `result_ptr`.
pub fn lower_result(
    f: &FuncTy,
    val: Option<&Val>,
    result_ptr: Option<u32>,
    g: &mut dyn Guest,
) -> Result<Vec<Value>, AbiError> {
    let (Some(t), Some(v)) = (&f.result, val) else {
        return Ok(Vec::new());
    };
    if let Some(ptr) = result_ptr {
        store_at(t, v, ptr, g)?;
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    lower_flat(t, v, &mut out, g)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::component::val::{parse, write};

    /// A guest memory of `size` bytes with a bump allocator, which can be told to
    /// answer with a pointer of its choosing.
    struct Fake {
        memory: Vec<u8>,
        next: u32,
        encoding: Encoding,
        realloc_answer: Option<u32>,
        handles: Handles,
    }

    impl Fake {
        fn new(size: usize, encoding: Encoding) -> Fake {
            Fake {
                memory: vec![0; size],
                next: 8,
                encoding,
                realloc_answer: None,
                handles: Handles::default(),
            }
        }
    }

    impl Guest for Fake {
        fn read(&mut self, at: u32, len: u32) -> Result<Vec<u8>, AbiError> {
            let end = at as usize + len as usize;
            self.memory
                .get(at as usize..end)
                .map(<[u8]>::to_vec)
                .ok_or(AbiError::OutOfBounds {
                    at: at.into(),
                    len: len.into(),
                })
        }
        fn write(&mut self, at: u32, bytes: &[u8]) -> Result<(), AbiError> {
            let end = at as usize + bytes.len();
            self.memory
                .get_mut(at as usize..end)
                .ok_or(AbiError::OutOfBounds {
                    at: at.into(),
                    len: bytes.len() as u64,
                })?
                .copy_from_slice(bytes);
            Ok(())
        }
        fn realloc(&mut self, align: u32, size: u32) -> Result<u32, AbiError> {
            if let Some(ptr) = self.realloc_answer {
                return Ok(ptr);
            }
            let ptr = align_to(self.next, align);
            self.next = ptr + size;
            Ok(ptr)
        }
        fn encoding(&self) -> Encoding {
            self.encoding
        }
        fn lift_handle(&mut self, resource: &str, own: bool, index: u32) -> Result<u32, AbiError> {
            if own {
                self.handles.take(resource, index).map(|(rep, _)| rep)
            } else {
                self.handles.get(resource, index)
            }
        }
        fn lower_handle(&mut self, resource: &str, own: bool, rep: u32) -> Result<u32, AbiError> {
            Ok(self.handles.insert(resource, rep, own))
        }
    }

    fn everything() -> Ty {
        let point = Ty::Record(vec![("x".into(), Ty::F32), ("y".into(), Ty::F32)]);
        Ty::Record(vec![
            ("flag".into(), Ty::Bool),
            ("small".into(), Ty::S8),
            ("byte".into(), Ty::U8),
            ("short".into(), Ty::S16),
            ("word".into(), Ty::U16),
            ("int".into(), Ty::S32),
            ("uint".into(), Ty::U32),
            ("long".into(), Ty::S64),
            ("ulong".into(), Ty::U64),
            ("single".into(), Ty::F32),
            ("double".into(), Ty::F64),
            ("letter".into(), Ty::Char),
            ("name".into(), Ty::String),
            ("points".into(), Ty::List(Box::new(point.clone()))),
            ("pair".into(), Ty::FixedList(Box::new(Ty::U16), 3)),
            (
                "both".into(),
                Ty::Tuple(vec![Ty::String, Ty::List(Box::new(Ty::String))]),
            ),
            (
                "shape".into(),
                Ty::Variant(vec![
                    ("none".into(), None),
                    ("circle".into(), Some(Ty::F32)),
                    ("box".into(), Some(Ty::Tuple(vec![Ty::U64, Ty::F64]))),
                    ("named".into(), Some(Ty::String)),
                ]),
            ),
            (
                "color".into(),
                Ty::Enum(vec!["red".into(), "green".into(), "blue".into()]),
            ),
            (
                "perms".into(),
                Ty::Flags((0..40).map(|i| format!("f{i}")).collect()),
            ),
            (
                "maybe".into(),
                Ty::Option(Box::new(Ty::Option(Box::new(point)))),
            ),
            (
                "outcome".into(),
                Ty::Result(
                    Some(Box::new(Ty::List(Box::new(Ty::U8)))),
                    Some(Box::new(Ty::Enum(vec!["oops".into()]))),
                ),
            ),
            ("nothing".into(), Ty::Result(None, None)),
        ])
    }

    const VALUES: [&str; 3] = [
        r#"{flag: true, small: -128, byte: 255, short: -32768, word: 65535, int: -2147483648, uint: 4294967295, long: -9223372036854775808, ulong: 18446744073709551615, single: -1.5, double: 2.25, letter: '😀', name: "naïve ☃ 世界", points: [{x: 1, y: 2}, {x: -0, y: inf}], pair: [1, 2, 3], both: ("a", ["b", "", "cd"]), shape: box((7, -0.5)), color: blue, perms: {f0, f31, f32, f39}, maybe: some(some({x: 3, y: 4})), outcome: ok([0, 1, 255]), nothing: ok}"#,
        r#"{flag: false, small: 0, byte: 0, short: 0, word: 0, int: 0, uint: 0, long: 0, ulong: 0, single: nan, double: -inf, letter: 'a', name: "", points: [], pair: [0, 0, 0], both: ("", []), shape: circle(3.5), color: red, perms: {}, maybe: some(none), outcome: err(oops), nothing: err}"#,
        r#"{flag: true, small: 1, byte: 2, short: 3, word: 4, int: 5, uint: 6, long: 7, ulong: 8, single: 9, double: 10, letter: '\u{10ffff}', name: "named", points: [{x: 0, y: 0}], pair: [9, 8, 7], both: ("x", ["y"]), shape: named("here"), color: green, perms: {f1}, maybe: none, outcome: ok([]), nothing: ok}"#,
    ];

    #[test]
    fn every_wit_type_round_trips_flat_and_through_memory_in_every_encoding() {
        let ty = everything();
        // As the only parameter and the result of a function: too many flat values
        // for either, so both go through memory; each field alone goes flat.
        let f = FuncTy {
            params: vec![("all".into(), ty.clone())],
            result: Some(ty.clone()),
            is_async: false,
        };
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Latin1Utf16] {
            for text in VALUES {
                let val = parse(&ty, text).unwrap();
                let mut g = Fake::new(1 << 16, encoding);
                let core = lower_args(&f, std::slice::from_ref(&val), &mut g).unwrap();
                assert_eq!(core.len(), 1, "through memory");
                let (back, result_ptr) =
                    lift_args(&f, &[core[0], Value::I32(60_000)], &mut g).unwrap();
                assert_eq!(write(&back[0]), write(&val), "{encoding:?}");
                assert_eq!(result_ptr, Some(60_000));

                let ptr = g.realloc(align(&ty), size(&ty)).unwrap();
                lower_result(&f, Some(&val), Some(ptr), &mut g).unwrap();
                let lifted = lift_result(&f, &[Value::I32(ptr as i32)], &mut g).unwrap();
                assert_eq!(write(&lifted.unwrap()), write(&val));

                let Ty::Record(fields) = &ty else {
                    unreachable!()
                };
                let Val::Record(vals) = &val else {
                    unreachable!()
                };
                for ((name, t), (_, v)) in fields.iter().zip(vals) {
                    let one = FuncTy {
                        params: vec![(name.clone(), t.clone())],
                        result: None,
                        is_async: false,
                    };
                    let core = lower_args(&one, std::slice::from_ref(v), &mut g).unwrap();
                    let mut types = Vec::new();
                    flatten(t, &mut types);
                    assert_eq!(
                        core.iter().map(|c| c.ty()).collect::<Vec<_>>(),
                        types,
                        "{name}: flat values of the flattened types"
                    );
                    let (back, _) = lift_args(&one, &core, &mut g).unwrap();
                    assert_eq!(write(&back[0]), write(v), "{name}");
                }
            }
        }
    }

    #[test]
    fn sizes_and_alignments_follow_the_specification() {
        let cases: [(Ty, u32, u32); 9] = [
            (Ty::Bool, 1, 1),
            (Ty::String, 8, 4),
            (
                Ty::Record(vec![("a".into(), Ty::U8), ("b".into(), Ty::U64)]),
                16,
                8,
            ),
            (Ty::Tuple(vec![Ty::U8, Ty::U16, Ty::U8]), 6, 2),
            (Ty::Option(Box::new(Ty::U32)), 8, 4),
            (
                Ty::Result(Some(Box::new(Ty::U64)), Some(Box::new(Ty::U8))),
                16,
                8,
            ),
            (Ty::Enum((0..300).map(|i| i.to_string()).collect()), 2, 2),
            (Ty::Flags((0..9).map(|i| i.to_string()).collect()), 2, 2),
            (Ty::Flags((0..33).map(|i| i.to_string()).collect()), 8, 4),
        ];
        for (ty, s, a) in cases {
            assert_eq!((size(&ty), align(&ty)), (s, a), "{ty}");
        }
        // A variant's payloads join: f32 with i32 is i32, f32 with f64 is i64.
        let mut flat = Vec::new();
        flatten(
            &Ty::Variant(vec![
                ("a".into(), Some(Ty::Tuple(vec![Ty::F32, Ty::F32]))),
                ("b".into(), Some(Ty::Tuple(vec![Ty::U32, Ty::F64]))),
            ]),
            &mut flat,
        );
        assert_eq!(flat, [NumType::I32, NumType::I32, NumType::I64]);
    }

    fn list_of(t: Ty) -> FuncTy {
        FuncTy {
            params: vec![("x".into(), t)],
            result: None,
            is_async: false,
        }
    }

    #[test]
    fn what_a_guest_hands_over_is_checked_never_trusted() {
        let string = list_of(Ty::String);
        let bytes = list_of(Ty::List(Box::new(Ty::U64)));
        let mut g = Fake::new(4096, Encoding::Utf8);
        g.memory[100..104].copy_from_slice(&[0xff, 0xfe, b'a', b'b']);
        let i = |x: i64| Value::I32(x as i32);
        let cases: Vec<(FuncTy, Vec<Value>, AbiError)> = vec![
            // A length that points past memory.
            (
                string.clone(),
                vec![i(4000), i(200)],
                AbiError::OutOfBounds { at: 4000, len: 200 },
            ),
            (
                bytes.clone(),
                vec![i(8), i(0x7fff_ffff)],
                AbiError::TooLong(0x7fff_ffff * 8),
            ),
            (
                bytes.clone(),
                vec![i(8), i(1000)],
                AbiError::OutOfBounds { at: 8, len: 8000 },
            ),
            (
                bytes.clone(),
                vec![i(4), i(1)],
                AbiError::Misaligned { at: 4, align: 8 },
            ),
            // Invalid UTF-8.
            (string.clone(), vec![i(100), i(4)], AbiError::InvalidUtf8),
            (
                list_of(Ty::Char),
                vec![i(0xd800)],
                AbiError::BadChar(0xd800),
            ),
            (
                list_of(Ty::Char),
                vec![i(0x11_0000)],
                AbiError::BadChar(0x11_0000),
            ),
            (
                list_of(Ty::Option(Box::new(Ty::U8))),
                vec![i(2), i(0)],
                AbiError::BadCase { case: 2, cases: 2 },
            ),
            (
                list_of(Ty::Flags(vec!["a".into(), "b".into()])),
                vec![i(0b100)],
                AbiError::BadFlags,
            ),
            (string.clone(), vec![i(0)], AbiError::MissingCoreValue),
        ];
        for (f, core, want) in cases {
            assert_eq!(
                lift_args(&f, &core, &mut g).unwrap_err(),
                want,
                "{}",
                f.wit()
            );
        }
        // UTF-16 from the guest that is not UTF-16 (a lone surrogate).
        let mut g16 = Fake::new(4096, Encoding::Utf16);
        g16.memory[100..102].copy_from_slice(&0xdc00u16.to_le_bytes());
        assert_eq!(
            lift_args(&string, &[i(100), i(1)], &mut g16).unwrap_err(),
            AbiError::InvalidUtf16
        );
        // A cabi_realloc that answers out of bounds or misaligned.
        let mut bad = Fake::new(4096, Encoding::Utf8);
        bad.realloc_answer = Some(5000);
        let text = Val::String("hello".into());
        assert!(matches!(
            lower_args(&string, std::slice::from_ref(&text), &mut bad),
            Err(AbiError::OutOfBounds { at: 5000, .. })
        ));
        bad.realloc_answer = Some(3);
        let longs = Val::List(vec![Val::U64(1)]);
        assert_eq!(
            lower_args(&bytes, std::slice::from_ref(&longs), &mut bad).unwrap_err(),
            AbiError::Misaligned { at: 3, align: 8 }
        );
        // A value of the wrong type is refused, not lowered.
        assert!(matches!(
            lower_args(&string, &[Val::U8(1)], &mut g),
            Err(AbiError::Mismatch { .. })
        ));
        assert!(lower_args(&string, &[], &mut g).is_err());
    }
}
