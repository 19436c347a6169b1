;; Detects Memory64: validation is enough.
;; Valid only with Memory64: the memory's addresses are i64 (limits flag 0x04), so the
;; load takes an i64 address.
(module
  (memory i64 1)
  (func (export "f") (result i32)
    (i32.load (i64.const 0))))
