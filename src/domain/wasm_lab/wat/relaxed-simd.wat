;; Detects relaxed SIMD: validation is enough.
;; Valid only with relaxed SIMD: i32x4.relaxed_trunc_f32x4_s is one of its
;; instructions (plain SIMD has only the saturating, platform-independent trunc).
(module
  (func (export "f")
    v128.const i32x4 0 0 0 0
    i32x4.relaxed_trunc_f32x4_s
    drop))
