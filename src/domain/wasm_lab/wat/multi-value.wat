;; Detects multi-value: validation is enough.
;; Valid only with multi-value: a function type with two results; the MVP allows at
;; most one.
(module
  (func (export "f") (result i32 i32)
    i32.const 1
    i32.const 2))
