;; Detects reference types: validation is enough.
;; Valid only with reference types: externref does not exist before them, neither as
;; a result type nor as ref.null's operand.
(module
  (func (export "f") (result externref)
    ref.null extern))
