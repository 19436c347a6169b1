;; A WASI 0.2 command component (it exports wasi:cli/run), in the component text
;; format, with the types of WASI 0.2.0's own interfaces:
;;
;;   import wasi:cli/environment@0.2.0;  get-arguments
;;   import wasi:cli/stdout@0.2.0;       get-stdout -> own<output-stream>
;;   import wasi:io/streams@0.2.0;       output-stream.blocking-write-and-flush
;;   import wasi:cli/exit@0.2.0;         exit
;;   export wasi:cli/run@0.2.0;          run
;;
;; It greets each of its arguments on standard output, through the stream resource
;; the host hands it, drops the stream, and exits with an error (code 1) when it has
;; no argument to greet.
(component $hello
  (@producers (processed-by "wat" "1.263.0"))
  (import "wasi:io/error@0.2.0" (instance $error
    (export "error" (type (sub resource)))))
  (alias export $error "error" (type $error-type))
  (import "wasi:io/streams@0.2.0" (instance $streams
    (alias outer $hello $error-type (type $e))
    (export "error" (type $err (eq $e)))
    (export "output-stream" (type $os (sub resource)))
    (type $own-err (own $err))
    (type $stream-error-def (variant (case "last-operation-failed" $own-err) (case "closed")))
    (export "stream-error" (type $stream-error (eq $stream-error-def)))
    (export "[method]output-stream.blocking-write-and-flush"
      (func (param "self" (borrow $os)) (param "contents" (list u8))
        (result (result (error $stream-error)))))))
  (alias export $streams "output-stream" (type $output-stream))
  (alias export $streams "[method]output-stream.blocking-write-and-flush" (func $write))
  (import "wasi:cli/stdout@0.2.0" (instance $stdout
    (alias outer $hello $output-stream (type $o))
    (export "output-stream" (type $os (eq $o)))
    (export "get-stdout" (func (result (own $os))))))
  (alias export $stdout "get-stdout" (func $get-stdout))
  (import "wasi:cli/environment@0.2.0" (instance $environment
    (export "get-arguments" (func (result (list string))))))
  (alias export $environment "get-arguments" (func $get-arguments))
  (import "wasi:cli/exit@0.2.0" (instance $exit
    (export "exit" (func (param "status" (result))))))
  (alias export $exit "exit" (func $exit-func))

  ;; The memory and a bump allocator, made first so the imports can be lowered with them.
  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 4096))
    (func (export "cabi_realloc")
      (param $old i32) (param $old_size i32) (param $align i32) (param $size i32)
      (result i32)
      (local $ptr i32)
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

  (core func $get-arguments-lowered
    (canon lower (func $get-arguments) (memory $memory) (realloc $realloc)))
  (core func $get-stdout-lowered (canon lower (func $get-stdout)))
  (core func $write-lowered (canon lower (func $write) (memory $memory)))
  (core func $drop-stream (canon resource.drop $output-stream))
  (core func $exit-lowered (canon lower (func $exit-func)))

  (core module $main
    (import "libc" "memory" (memory 1))
    (import "wasi" "get-arguments" (func $get-arguments (param i32)))
    (import "wasi" "get-stdout" (func $get-stdout (result i32)))
    (import "wasi" "write" (func $write (param i32 i32 i32 i32)))
    (import "wasi" "drop-stream" (func $drop-stream (param i32)))
    (import "wasi" "exit" (func $exit (param i32)))
    (data (i32.const 64) "Hello, ")
    (data (i32.const 80) "!\n")
    ;; run: arguments at 16 (pointer, count); each line built at 1024; the write's
    ;; result at 32.
    (func (export "run") (result i32)
      (local $out i32) (local $i i32) (local $arg i32) (local $len i32) (local $n i32)
      (call $get-arguments (i32.const 16))
      (local.set $out (call $get-stdout))
      (local.set $i (i32.const 1))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (i32.load (i32.const 20))))
          (local.set $arg (i32.add (i32.load (i32.const 16)) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $len (i32.load offset=4 (local.get $arg)))
          (memory.copy (i32.const 1024) (i32.const 64) (i32.const 7))
          (memory.copy (i32.const 1031) (i32.load (local.get $arg)) (local.get $len))
          (memory.copy (i32.add (i32.const 1031) (local.get $len)) (i32.const 80) (i32.const 2))
          (local.set $n (i32.add (local.get $len) (i32.const 9)))
          (call $write (local.get $out) (i32.const 1024) (local.get $n) (i32.const 32))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (call $drop-stream (local.get $out))
      ;; No argument: exit(err), which is exit code 1.
      (if (i32.le_u (i32.load (i32.const 20)) (i32.const 1))
        (then (call $exit (i32.const 1))))
      (i32.const 0)))
  (core instance $main (instantiate $main
    (with "libc" (instance $libc))
    (with "wasi" (instance
      (export "get-arguments" (func $get-arguments-lowered))
      (export "get-stdout" (func $get-stdout-lowered))
      (export "write" (func $write-lowered))
      (export "drop-stream" (func $drop-stream))
      (export "exit" (func $exit-lowered))))))

  (func $run (result (result)) (canon lift (core func $main "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.0" (instance $run-instance)))
