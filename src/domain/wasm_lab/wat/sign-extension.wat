;; Detects the sign-extension operators: validation is enough.
;; Valid only with them: i32.extend8_s (0xc0) is one of the opcodes they add.
(module
  (func (export "f") (param i32) (result i32)
    (i32.extend8_s (local.get 0))))
