//! Large modules made to measure: what the inspector's tests and the bench time
//! inspection on, the shape of a large compiled program's code section.

/// A valid core module of about `size` bytes, written byte by byte, for the tests
/// and the bench (the app never calls it, so it is not in its wasm): `n` functions
/// `(i32) -> i32` that add constants to their parameter, the last one with a
/// sign-extension operator so the feature search has something to find at the end.
pub fn generated_module(size: usize) -> Vec<u8> {
    fn leb(out: &mut Vec<u8>, mut x: u64) {
        loop {
            let byte = (x & 0x7f) as u8;
            x >>= 7;
            if x == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(out: &mut Vec<u8>, id: u8, contents: &[u8]) {
        out.push(id);
        leb(out, contents.len() as u64);
        out.extend_from_slice(contents);
    }
    const ADDS: u64 = 200;
    let mut body = vec![0, 0x20, 0]; // no locals; local.get 0
    for k in 0..ADDS {
        body.push(0x41); // i32.const k
        leb(&mut body, k * 1000);
        body.push(0x6a); // i32.add
    }
    let n = (size / (body.len() + 3)).max(1);
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    section(&mut out, 1, &[1, 0x60, 1, 0x7f, 1, 0x7f]);
    let mut functions = Vec::new();
    leb(&mut functions, n as u64);
    functions.resize(functions.len() + n, 0);
    section(&mut out, 3, &functions);
    section(&mut out, 7, &[1, 1, b'f', 0, 0]);
    let mut code = Vec::new();
    leb(&mut code, n as u64);
    for i in 0..n {
        let mut b = body.clone();
        if i == n - 1 {
            b.push(0xc0); // i32.extend8_s
        }
        b.push(0x0b);
        leb(&mut code, b.len() as u64);
        code.extend_from_slice(&b);
    }
    section(&mut out, 10, &code);
    out
}
