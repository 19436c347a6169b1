;; The dot-product kernel the lab times: one memory of 4 pages (64 Ki f32 at most), the
;; vector `a` from address 0 and `b` from `n * 4`, written by the lab; the same sum
;; computed twice.
;;   scalar(n) -> f32: one float at a time.
;;   simd(n) -> f32: four at a time with f32x4 (`n` a multiple of 4), the lanes added
;;   at the end.
;; The first function is MVP WebAssembly; the second needs SIMD (v128 locals, loads
;; and f32x4 arithmetic), so the module is valid only with SIMD.
(module
  (type $kernel (func (param i32) (result f32)))
  (memory (export "memory") 4)

  (func $scalar (export "scalar") (type $kernel) (param $n i32) (result f32)
    (local $i i32)
    (local $acc f32)
    block $done
      loop $next
        ;; while i < n
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; acc += a[i] * b[i]
        local.get $acc
        (f32.load (i32.shl (local.get $i) (i32.const 2)))
        (f32.load (i32.shl (i32.add (local.get $i) (local.get $n)) (i32.const 2)))
        f32.mul
        f32.add
        local.set $acc
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        br $next
      end
    end
    local.get $acc)

  (func $simd (export "simd") (type $kernel) (param $n i32) (result f32)
    (local $i i32)
    (local $v v128)
    block $done
      loop $next
        ;; while i < n
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; v += a[i..i+4] * b[i..i+4]
        local.get $v
        (v128.load (i32.shl (local.get $i) (i32.const 2)))
        (v128.load (i32.shl (i32.add (local.get $i) (local.get $n)) (i32.const 2)))
        f32x4.mul
        f32x4.add
        local.set $v
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        br $next
      end
    end
    ;; v[0] + v[1] + v[2] + v[3]
    (f32x4.extract_lane 0 (local.get $v))
    (f32x4.extract_lane 1 (local.get $v))
    f32.add
    (f32x4.extract_lane 2 (local.get $v))
    f32.add
    (f32x4.extract_lane 3 (local.get $v))
    f32.add))
