// setjmp/longjmp for clang's WebAssembly SjLj lowering (-mllvm -wasm-enable-sjlj).
// Debian's wasi-libc (2022) ships no <setjmp.h>; the runtime helpers the
// lowering calls live in wasm_sjlj_rt.c. MicroPython's NLR uses setjmp.
#ifndef OFFICINA_WASI_SETJMP_H
#define OFFICINA_WASI_SETJMP_H

typedef unsigned long long jmp_buf[6];

int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int val);

#endif
