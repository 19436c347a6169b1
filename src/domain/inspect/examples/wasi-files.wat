;; A WASI preview 1 command that works in its folder (preopened as "/", descriptor 3):
;; lists what is there, then writes out/hello.txt and says so.
(module
  (import "wasi_snapshot_preview1" "fd_readdir"
    (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory"
    (func $mkdir (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 200) "out")
  (data (i32.const 208) "out/hello.txt")
  (data (i32.const 224) "Written by wasi-files.wasm, in your browser.\n")
  (data (i32.const 272) "In the folder:\n")
  (data (i32.const 288) "  ")
  (data (i32.const 292) "\n")
  (data (i32.const 296) "Wrote out/hello.txt (45 bytes).\n")
  (data (i32.const 336) "wasi-files: cannot open out/hello.txt\n")

  (func $print (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Entries from 4096 (24-byte header, then the name); bytes used at 120.
  (func $list (local $p i32) (local $end i32) (local $len i32)
    (call $print (i32.const 1) (i32.const 272) (i32.const 15))
    (drop (call $fd_readdir (i32.const 3) (i32.const 4096) (i32.const 8192) (i64.const 0)
      (i32.const 120)))
    (local.set $p (i32.const 4096))
    (local.set $end (i32.add (i32.const 4096) (i32.load (i32.const 120))))
    (block $done
      (loop $each
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 24)) (local.get $end)))
        (local.set $len (i32.load (i32.add (local.get $p) (i32.const 16))))
        (call $print (i32.const 1) (i32.const 288) (i32.const 2))
        (call $print (i32.const 1) (i32.add (local.get $p) (i32.const 24)) (local.get $len))
        (call $print (i32.const 1) (i32.const 292) (i32.const 1))
        (local.set $p (i32.add (local.get $p) (i32.add (i32.const 24) (local.get $len))))
        (br $each))))

  (func (export "_start") (local $fd i32)
    (call $list)
    (drop (call $mkdir (i32.const 3) (i32.const 200) (i32.const 3)))
    ;; Create or truncate (oflags 9), every right; the new descriptor at 124.
    (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 208) (i32.const 13)
          (i32.const 9) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 124))
      (then
        (call $print (i32.const 2) (i32.const 336) (i32.const 38))
        (call $proc_exit (i32.const 1))))
    (local.set $fd (i32.load (i32.const 124)))
    (call $print (local.get $fd) (i32.const 224) (i32.const 45))
    (drop (call $fd_close (local.get $fd)))
    (call $print (i32.const 1) (i32.const 296) (i32.const 32))))
