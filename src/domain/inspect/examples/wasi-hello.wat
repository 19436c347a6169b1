;; A WASI preview 1 command: greets each of its arguments ("world" when there are
;; none) on standard output, says goodbye on standard error and exits with code 3.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, ")
  (data (i32.const 24) "world")
  (data (i32.const 32) "!\n")
  (data (i32.const 40) "wasi-hello: exiting with code 3\n")
  (data (i32.const 80) "wasi-hello: too many arguments\n")

  ;; Writes len bytes at ptr to descriptor fd, through the iovec at 0.
  (func $print (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func $greet (param $ptr i32) (param $len i32)
    (call $print (i32.const 1) (i32.const 16) (i32.const 7))
    (call $print (i32.const 1) (local.get $ptr) (local.get $len))
    (call $print (i32.const 1) (i32.const 32) (i32.const 2)))

  ;; The argument count at 112, their size at 116; the pointers from 1024 (room for
  ;; 256), the strings from 2048 to the end of the page.
  (func (export "_start") (local $argc i32) (local $i i32) (local $arg i32)
    (drop (call $args_sizes_get (i32.const 112) (i32.const 116)))
    (local.set $argc (i32.load (i32.const 112)))
    (if (i32.or (i32.gt_u (local.get $argc) (i32.const 256))
                (i32.gt_u (i32.load (i32.const 116)) (i32.const 63488)))
      (then
        (call $print (i32.const 2) (i32.const 80) (i32.const 31))
        (call $proc_exit (i32.const 2))))
    (drop (call $args_get (i32.const 1024) (i32.const 2048)))
    (if (i32.le_u (local.get $argc) (i32.const 1))
      (then (call $greet (i32.const 24) (i32.const 5)))
      (else
        (local.set $i (i32.const 1))
        (loop $each
          (local.set $arg
            (i32.load (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 4)))))
          (call $greet (local.get $arg) (call $strlen (local.get $arg)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $each (i32.lt_u (local.get $i) (local.get $argc))))))
    (call $print (i32.const 2) (i32.const 40) (i32.const 32))
    (call $proc_exit (i32.const 3))))
