;; Detects garbage collection: validation is enough.
;; Valid only with GC: struct types and struct.new (0xfb prefix) exist only there.
(module
  (type (struct (field (mut i32))))
  (func (export "f")
    (drop (struct.new 0 (i32.const 1)))))
