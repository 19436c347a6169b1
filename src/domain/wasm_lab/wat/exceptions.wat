;; Detects exception handling: validation is enough.
;; Valid only with exception handling: the tag section and `throw` are part of it.
(module
  (tag)
  (func (export "f")
    throw 0))
