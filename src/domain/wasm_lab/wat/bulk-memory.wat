;; Detects bulk memory operations: validation is enough.
;; Valid only with bulk memory: memory.fill is one of its instructions (0xfc 11).
(module
  (memory 1)
  (func (export "f")
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))))
