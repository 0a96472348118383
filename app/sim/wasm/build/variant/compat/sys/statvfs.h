// Debian's wasi-libc (2022) has no <sys/statvfs.h>; WASI preview1 cannot
// report file-system sizes anyway, so os.statvfs() fails with ENOSYS.
#ifndef OFFICINA_WASI_SYS_STATVFS_H
#define OFFICINA_WASI_SYS_STATVFS_H

#include <errno.h>

struct statvfs {
    unsigned long f_bsize, f_frsize, f_blocks, f_bfree, f_bavail;
    unsigned long f_files, f_ffree, f_favail, f_flag, f_namemax;
};

static inline int statvfs(const char *path, struct statvfs *buf) {
    (void)path;
    (void)buf;
    errno = ENOSYS;
    return -1;
}

#endif
