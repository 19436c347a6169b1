;; Detects 128-bit SIMD, and checks it computes: the lab instantiates this module and
;; calls `f`, which must return 44 (lane 3 of [1,2,3,4] + [10,20,30,40]).
;; Valid only with SIMD: the v128 constants and the i32x4 instructions are SIMD
;; opcodes (0xfd prefix). It is also the small module the lab times for
;; compile-and-instantiate.
(module
  (func (export "f") (result i32)
    v128.const i32x4 1 2 3 4
    v128.const i32x4 10 20 30 40
    i32x4.add
    i32x4.extract_lane 3))
