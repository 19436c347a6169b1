;; Detects saturating float-to-int conversions: validation is enough.
;; Valid only with them: i32.trunc_sat_f32_s (0xfc 0) is one of the opcodes they add.
(module
  (func (export "f") (param f32) (result i32)
    (i32.trunc_sat_f32_s (local.get 0))))
