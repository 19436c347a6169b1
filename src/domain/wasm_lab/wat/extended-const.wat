;; Detects extended constant expressions: validation is enough.
;; Valid only with them: the global's initializer adds two constants, and i32.add is
;; not a constant instruction before that proposal.
(module
  (global i32 (i32.add (i32.const 1) (i32.const 2)))
  (func (export "f") (result i32)
    global.get 0))
