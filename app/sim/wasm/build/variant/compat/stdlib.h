// Debian's wasi-libc (2022) does not declare realpath(); wasm_compat.c defines a
// minimal one (there are no preopened directories in the simulator anyway).
#ifndef OFFICINA_WASI_STDLIB_H
#define OFFICINA_WASI_STDLIB_H

#include_next <stdlib.h>

char *realpath(const char *path, char *resolved_path);

#endif
