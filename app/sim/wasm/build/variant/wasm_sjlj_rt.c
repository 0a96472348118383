// Runtime helpers called by clang's WebAssembly setjmp/longjmp lowering
// (-mllvm -wasm-enable-sjlj, LLVM 19 names). Written after the MIT-licensed
// wasi-libc implementation (libc-top-half/musl/src/setjmp/wasm32/rt.c), which
// Debian's older wasi-libc package lacks. longjmp is a wasm exception with the
// __c_longjmp tag; the lowered caller catches it and asks __wasm_setjmp_test
// whether the jmp_buf belongs to its own activation.
#include <stdint.h>
#include <setjmp.h>

struct jmp_buf_impl {
    void *func_invocation_id;
    uint32_t label;
    struct {
        void *env;
        int val;
    } arg;
};

_Static_assert(sizeof(struct jmp_buf_impl) <= sizeof(jmp_buf), "jmp_buf too small");

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id);
uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id);
void __wasm_longjmp(void *env, int val);

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id) {
    struct jmp_buf_impl *jb = env;
    jb->func_invocation_id = func_invocation_id;
    jb->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id) {
    struct jmp_buf_impl *jb = env;
    return jb->func_invocation_id == func_invocation_id ? jb->label : 0;
}

void __wasm_longjmp(void *env, int val) {
    struct jmp_buf_impl *jb = env;
    jb->arg.env = env;
    jb->arg.val = val == 0 ? 1 : val;
    __builtin_wasm_throw(1, &jb->arg);  // tag 1 is __c_longjmp
}
