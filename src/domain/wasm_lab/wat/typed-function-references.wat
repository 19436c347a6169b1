;; Detects typed function references: validation is enough.
;; Valid only with them: call_ref (0x14) calls a typed reference such as the
;; non-null (ref 0) that ref.func gives. The function is declared (a ref.func
;; target must be) by its export.
(module
  (func (export "f")
    (call_ref 0 (ref.func 0))))
