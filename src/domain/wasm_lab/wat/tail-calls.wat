;; Detects tail calls: validation is enough.
;; Valid only with tail calls: return_call (0x12) is their instruction.
(module
  (func (export "f")
    return_call 0))
