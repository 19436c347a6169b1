;; A component whose exports take and return strings, lists, records, variants,
;; options and results, in the component text format. Its WIT world:
;;
;;   package docs:tools@0.1.0;
;;   interface logger { log: func(message: string); }
;;   world tools {
;;     import logger;
;;     record summary { count: u32, mean: f64, min: f64, max: f64 }
;;     variant shape { circle(f64), rectangle(tuple<f64, f64>), point }
;;     export greet: func(name: string) -> string;
;;     export stats: func(values: list<f64>) -> summary;
;;     export divide: func(a: s32, b: s32) -> result<s32, string>;
;;     export find: func(words: list<string>, word: string) -> option<u32>;
;;     export area: func(shape: shape) -> f64;
;;     export next: func() -> u32;
;;   }
;;
;; Two core modules: `libc` owns the memory and a bump allocator (`cabi_realloc`),
;; so the imported `log` can be lowered with that memory before `tools`, which does
;; the work, is instantiated with it. `next` counts calls: the instance is kept.
(component $tools
  (@producers (processed-by "wat" "1.263.0"))
  (import "docs:tools/logger@0.1.0" (instance $logger
    (export "log" (func (param "message" string)))))

  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "cabi_realloc")
      (param $old i32) (param $old_size i32) (param $align i32) (param $size i32)
      (result i32)
      (local $ptr i32)
      ;; Round up to the alignment, take the bytes, grow the memory when needed.
      (local.set $ptr
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get $align))))
      (global.set $next (i32.add (local.get $ptr) (local.get $size)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then
          (if (i32.eq
                (memory.grow
                  (i32.add
                    (i32.shr_u
                      (i32.sub (global.get $next) (i32.shl (memory.size) (i32.const 16)))
                      (i32.const 16))
                    (i32.const 1)))
                (i32.const -1))
            (then unreachable))))
      (if (local.get $old)
        (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
      (local.get $ptr)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $memory))
  (alias core export $libc "cabi_realloc" (core func $realloc))
  (core func $log (canon lower (func $logger "log") (memory $memory) (realloc $realloc)))

  (core module $work
    (import "libc" "memory" (memory 1))
    (import "libc" "cabi_realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
    (import "logger" "log" (func $log (param i32 i32)))
    (global $count (mut i32) (i32.const 0))
    (data (i32.const 16) "Hello, ")
    (data (i32.const 32) "division by zero")
    (data (i32.const 64) "greeting ")

    ;; A new block of `size` bytes aligned to `align`.
    (func $alloc (param $align i32) (param $size i32) (result i32)
      (call $realloc (i32.const 0) (i32.const 0) (local.get $align) (local.get $size)))

    ;; greet: logs "greeting <name>", returns "Hello, <name>!" (a string result is
    ;; returned through memory: a pointer to its pointer and length).
    (func (export "greet") (param $p i32) (param $n i32) (result i32)
      (local $out i32) (local $len i32) (local $ret i32)
      (local.set $len (i32.add (i32.const 9) (local.get $n)))
      (local.set $out (call $alloc (i32.const 1) (local.get $len)))
      (memory.copy (local.get $out) (i32.const 64) (i32.const 9))
      (memory.copy (i32.add (local.get $out) (i32.const 9)) (local.get $p) (local.get $n))
      (call $log (local.get $out) (local.get $len))
      (local.set $len (i32.add (i32.const 8) (local.get $n)))
      (local.set $out (call $alloc (i32.const 1) (local.get $len)))
      (memory.copy (local.get $out) (i32.const 16) (i32.const 7))
      (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $p) (local.get $n))
      (i32.store8 (i32.add (local.get $out) (i32.add (i32.const 7) (local.get $n))) (i32.const 33))
      (local.set $ret (call $alloc (i32.const 4) (i32.const 8)))
      (i32.store (local.get $ret) (local.get $out))
      (i32.store offset=4 (local.get $ret) (local.get $len))
      (local.get $ret))

    ;; stats: count, mean, min and max of a list of f64 (a record of 32 bytes).
    (func (export "stats") (param $p i32) (param $n i32) (result i32)
      (local $i i32) (local $x f64) (local $sum f64) (local $min f64) (local $max f64)
      (local $ret i32)
      (local.set $min (f64.const inf))
      (local.set $max (f64.const -inf))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $x (f64.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3)))))
          (local.set $sum (f64.add (local.get $sum) (local.get $x)))
          (local.set $min (f64.min (local.get $min) (local.get $x)))
          (local.set $max (f64.max (local.get $max) (local.get $x)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.set $ret (call $alloc (i32.const 8) (i32.const 32)))
      (i32.store (local.get $ret) (local.get $n))
      (f64.store offset=8 (local.get $ret)
        (f64.div (local.get $sum) (f64.convert_i32_u (local.get $n))))
      (f64.store offset=16 (local.get $ret) (local.get $min))
      (f64.store offset=24 (local.get $ret) (local.get $max))
      (local.get $ret))

    ;; divide: ok(a / b), or err("division by zero"); traps on -2147483648 / -1.
    (func (export "divide") (param $a i32) (param $b i32) (result i32)
      (local $ret i32)
      (local.set $ret (call $alloc (i32.const 4) (i32.const 12)))
      (if (i32.eqz (local.get $b))
        (then
          (i32.store8 (local.get $ret) (i32.const 1))
          (i32.store offset=4 (local.get $ret) (i32.const 32))
          (i32.store offset=8 (local.get $ret) (i32.const 16)))
        (else
          (i32.store8 (local.get $ret) (i32.const 0))
          (i32.store offset=4 (local.get $ret) (i32.div_s (local.get $a) (local.get $b)))))
      (local.get $ret))

    ;; Whether two strings hold the same bytes.
    (func $same (param $a i32) (param $an i32) (param $b i32) (param $bn i32) (result i32)
      (local $i i32)
      (if (i32.ne (local.get $an) (local.get $bn)) (then (return (i32.const 0))))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $an)))
          (if (i32.ne
                (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                (i32.load8_u (i32.add (local.get $b) (local.get $i))))
            (then (return (i32.const 0))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (i32.const 1))

    ;; find: some(index of the first word equal to `word`), or none.
    (func (export "find") (param $p i32) (param $n i32) (param $w i32) (param $wn i32)
      (result i32)
      (local $i i32) (local $e i32) (local $ret i32)
      (local.set $ret (call $alloc (i32.const 4) (i32.const 8)))
      (i32.store8 (local.get $ret) (i32.const 0))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $e (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))
          (if (call $same
                (i32.load (local.get $e)) (i32.load offset=4 (local.get $e))
                (local.get $w) (local.get $wn))
            (then
              (i32.store8 (local.get $ret) (i32.const 1))
              (i32.store offset=4 (local.get $ret) (local.get $i))
              (br $done)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.get $ret))

    ;; area: the variant arrives flat, its case then its payload's joined f64s.
    (func (export "area") (param $case i32) (param $a f64) (param $b f64) (result f64)
      (if (result f64) (i32.eqz (local.get $case))
        (then (f64.mul (f64.const 3.141592653589793) (f64.mul (local.get $a) (local.get $a))))
        (else
          (if (result f64) (i32.eq (local.get $case) (i32.const 1))
            (then (f64.mul (local.get $a) (local.get $b)))
            (else (f64.const 0))))))

    ;; next: 1, 2, 3… for as long as the instance lives.
    (func (export "next") (result i32)
      (global.set $count (i32.add (global.get $count) (i32.const 1)))
      (global.get $count)))

  (core instance $work (instantiate $work
    (with "libc" (instance $libc))
    (with "logger" (instance (export "log" (func $log))))))

  (type $summary (record
    (field "count" u32) (field "mean" f64) (field "min" f64) (field "max" f64)))
  (export $summary-type "summary" (type $summary))
  (type $shape (variant
    (case "circle" f64) (case "rectangle" (tuple f64 f64)) (case "point")))
  (export $shape-type "shape" (type $shape))

  (func $greet (param "name" string) (result string)
    (canon lift (core func $work "greet") (memory $memory) (realloc $realloc)))
  (export "greet" (func $greet))
  (func $stats (param "values" (list f64)) (result $summary-type)
    (canon lift (core func $work "stats") (memory $memory) (realloc $realloc)))
  (export "stats" (func $stats))
  (func $divide (param "a" s32) (param "b" s32) (result (result s32 (error string)))
    (canon lift (core func $work "divide") (memory $memory) (realloc $realloc)))
  (export "divide" (func $divide))
  (func $find (param "words" (list string)) (param "word" string) (result (option u32))
    (canon lift (core func $work "find") (memory $memory) (realloc $realloc)))
  (export "find" (func $find))
  (func $area (param "shape" $shape-type) (result f64)
    (canon lift (core func $work "area")))
  (export "area" (func $area))
  (func $next (result u32)
    (canon lift (core func $work "next")))
  (export "next" (func $next)))
