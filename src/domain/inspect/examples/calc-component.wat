;; A small component with a WIT world, in the component text format:
;;
;;   package docs:calc@0.1.0;
;;   interface logger { log: func(level: u32, code: u32); }
;;   interface math { add: func(a: u32, b: u32) -> u32; }
;;   world calculator { import logger; export math; }
;;
;; It embeds one core module, which does the work; the component lowers the imported
;; `log` into a core function the module imports, and lifts the module's `add` into
;; the exported interface's `add`. Browsers cannot instantiate components yet, but
;; the inspector shows all of it.
(component $calculator
  (@producers (processed-by "wat" "1.263.0"))
  (import "docs:calc/logger@0.1.0" (instance $logger
    (export "log" (func (param "level" u32) (param "code" u32)))))

  (core module $impl
    (import "logger" "log" (func $log (param i32 i32)))
    (func $add (export "add") (param $a i32) (param $b i32) (result i32)
      (call $log (i32.const 0) (local.get $a))
      (i32.add (local.get $a) (local.get $b))))

  (core func $log (canon lower (func $logger "log")))
  (core instance $host (export "log" (func $log)))
  (core instance $impl (instantiate $impl (with "logger" (instance $host))))

  (func $add (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $impl "add")))
  (instance $math (export "add" (func $add)))
  (export "docs:calc/math@0.1.0" (instance $math)))
