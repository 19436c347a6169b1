;; Detects multiple memories: validation is enough.
;; Valid only with multi-memory: a module with two memories, and a load that names
;; memory 1 in its memarg.
(module
  (memory 1)
  (memory 1)
  (func (export "f") (result i32)
    (i32.load 1 (i32.const 0))))
