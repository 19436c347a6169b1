;; A small calculator module for the playground: it imports a function and a memory
;; from its host, and exports numeric functions the runner can call.
;;   add(i32, i32) -> i32          the sum, wrapping
;;   factorial(i64) -> i64         n!, wrapping past 20!
;;   fib(i32) -> i32               the n-th Fibonacci number, iteratively
;;   average(f64, f64) -> f64      the mean of two floats
;;   spin() -> ()                  loops forever: the runner's time limit stops it
;;   count_calls() -> i32          how many times `add` called the host's `log`
;; `add` reports each call to the host's `log`, and keeps a counter in the memory.
(module $calc
  (@producers
    (language "WebAssembly text" "")
    (processed-by "wat" "1.263.0"))
  (import "env" "log" (func $log (param i32 i32)))
  (import "env" "memory" (memory $memory 1 16))

  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    (call $log (local.get $a) (local.get $b))
    ;; memory[0] += 1: the calls counted where the host can read them
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
    (i32.add (local.get $a) (local.get $b)))

  (func $factorial (export "factorial") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    block $done
      loop $next
        (br_if $done (i64.le_s (local.get $n) (i64.const 1)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        br $next
      end
    end
    local.get $acc)

  (func $fib (export "fib") (param $n i32) (result i32)
    (local $a i32)
    (local $b i32)
    (local $next i32)
    (local.set $b (i32.const 1))
    block $done
      loop $step
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $next (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $next))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        br $step
      end
    end
    local.get $a)

  (func $average (export "average") (param $x f64) (param $y f64) (result f64)
    (f64.div (f64.add (local.get $x) (local.get $y)) (f64.const 2)))

  (func $spin (export "spin")
    loop $forever
      br $forever
    end)

  (func $count_calls (export "count_calls") (result i32)
    (i32.load (i32.const 0))))
