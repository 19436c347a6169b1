;; Detects threads and atomics: validation is enough (using them also needs a
;; cross-origin isolated page, which the lab reports separately).
;; Valid only with threads: a memory may be `shared`, and i32.atomic.load exist
;; (0xfe prefix), only with that proposal.
(module
  (memory 1 1 shared)
  (func (export "f") (result i32)
    (i32.atomic.load (i32.const 0))))
