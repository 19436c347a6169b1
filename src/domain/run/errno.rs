//! WASI preview 1's error codes (`errno` in `wasi_snapshot_preview1.witx`), the ones
//! the host returns.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Errno {
    Success = 0,
    TooBig = 1,
    Acces = 2,
    Again = 6,
    Badf = 8,
    Busy = 10,
    Exist = 20,
    Fault = 21,
    Fbig = 22,
    Ilseq = 25,
    Inval = 28,
    Io = 29,
    Isdir = 31,
    Nametoolong = 37,
    Noent = 44,
    Nospc = 51,
    Nosys = 52,
    Notdir = 54,
    Notempty = 55,
    Notsock = 57,
    Notsup = 58,
    Overflow = 61,
    Perm = 63,
    Spipe = 70,
    Notcapable = 76,
}

impl Errno {
    pub fn code(self) -> i32 {
        self as u16 as i32
    }

    /// Its name as the specification writes it, for the call log.
    pub fn name(self) -> &'static str {
        match self {
            Errno::Success => "success",
            Errno::TooBig => "2big",
            Errno::Acces => "acces",
            Errno::Again => "again",
            Errno::Badf => "badf",
            Errno::Busy => "busy",
            Errno::Exist => "exist",
            Errno::Fault => "fault",
            Errno::Fbig => "fbig",
            Errno::Ilseq => "ilseq",
            Errno::Inval => "inval",
            Errno::Io => "io",
            Errno::Isdir => "isdir",
            Errno::Nametoolong => "nametoolong",
            Errno::Noent => "noent",
            Errno::Nospc => "nospc",
            Errno::Nosys => "nosys",
            Errno::Notdir => "notdir",
            Errno::Notempty => "notempty",
            Errno::Notsock => "notsock",
            Errno::Notsup => "notsup",
            Errno::Overflow => "overflow",
            Errno::Perm => "perm",
            Errno::Spipe => "spipe",
            Errno::Notcapable => "notcapable",
        }
    }
}
