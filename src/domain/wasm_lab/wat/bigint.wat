;; Detects BigInt integration: the lab calls `f` with 41n and expects 42n back.
;; The module itself is plain MVP WebAssembly, valid everywhere; what is tested is the
;; JavaScript API, which without BigInt integration throws on an i64 parameter.
(module
  (func (export "f") (param i64) (result i64)
    (i64.add (local.get 0) (i64.const 1))))
