// Functions the unix port needs that Debian's wasi-libc (2022) lacks.
#include <errno.h>
#include <stdlib.h>
#include <string.h>

// Only used to run a script file given on the command line: accept absolute
// paths as they are, refuse relative ones (WASI has no current directory).
char *realpath(const char *path, char *resolved_path) {
    if (path == NULL || path[0] != '/') {
        errno = ENOENT;
        return NULL;
    }
    if (resolved_path != NULL) {
        strcpy(resolved_path, path);
        return resolved_path;
    }
    return strdup(path);
}

// errno as MicroPython's C code sees it (compat/errno.h): libc's WASI code translated to the
// number a real board uses. The translation is redone only when libc's errno changes, so a value
// stored through the macro (os.errno(n)) reads back until the next failing libc call.
#undef errno
static int board_errno;
static int last_wasi_errno;

static int board_number(int wasi_errno) {
    switch (wasi_errno) {
        #define OFFICINA_CASE(wasi, board) case wasi: \
    return board;
        OFFICINA_ERRNO_TABLE(OFFICINA_CASE)
        #undef OFFICINA_CASE
        default:
            return wasi_errno;
    }
}

int *officina_errno_location(void) {
    if (errno != last_wasi_errno) {
        last_wasi_errno = errno;
        board_errno = board_number(errno);
    }
    return &board_errno;
}
