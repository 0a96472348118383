// <errno.h> for MicroPython compiled against WASI: errno values of the real boards.
// Generated once from wasi-libc's __errno_values.h and Linux's asm-generic errno numbers (the
// numbers of MicroPython's own py/mperrno.h, i.e. of the Pico, ESP32 and micro:bit ports).
// With MICROPY_USE_INTERNAL_ERRNO the errno module and OSError messages use those numbers; this
// header makes the unix port's C code agree: every E* constant is the board number and
// `errno` reads libc's WASI code translated (wasm_compat.c), so OSError(5) is "[Errno 5] EIO"
// and a failed open() is "[Errno 2] ENOENT", as on a board. WASI's ENOTCAPABLE becomes EACCES.
// Force-included into every file (mpconfigvariant.mk), since py/mperrno.h no longer includes it.
#ifndef OFFICINA_WASI_ERRNO_H
#define OFFICINA_WASI_ERRNO_H

#include_next <errno.h>

int *officina_errno_location(void);
#undef errno
#define errno (*officina_errno_location())

#undef E2BIG
#define E2BIG (7)
#undef EACCES
#define EACCES (13)
#undef EADDRINUSE
#define EADDRINUSE (98)
#undef EADDRNOTAVAIL
#define EADDRNOTAVAIL (99)
#undef EAFNOSUPPORT
#define EAFNOSUPPORT (97)
#undef EAGAIN
#define EAGAIN (11)
#undef EALREADY
#define EALREADY (114)
#undef EBADF
#define EBADF (9)
#undef EBADMSG
#define EBADMSG (74)
#undef EBUSY
#define EBUSY (16)
#undef ECANCELED
#define ECANCELED (125)
#undef ECHILD
#define ECHILD (10)
#undef ECONNABORTED
#define ECONNABORTED (103)
#undef ECONNREFUSED
#define ECONNREFUSED (111)
#undef ECONNRESET
#define ECONNRESET (104)
#undef EDEADLK
#define EDEADLK (35)
#undef EDESTADDRREQ
#define EDESTADDRREQ (89)
#undef EDOM
#define EDOM (33)
#undef EDQUOT
#define EDQUOT (122)
#undef EEXIST
#define EEXIST (17)
#undef EFAULT
#define EFAULT (14)
#undef EFBIG
#define EFBIG (27)
#undef EHOSTUNREACH
#define EHOSTUNREACH (113)
#undef EIDRM
#define EIDRM (43)
#undef EILSEQ
#define EILSEQ (84)
#undef EINPROGRESS
#define EINPROGRESS (115)
#undef EINTR
#define EINTR (4)
#undef EINVAL
#define EINVAL (22)
#undef EIO
#define EIO (5)
#undef EISCONN
#define EISCONN (106)
#undef EISDIR
#define EISDIR (21)
#undef ELOOP
#define ELOOP (40)
#undef EMFILE
#define EMFILE (24)
#undef EMLINK
#define EMLINK (31)
#undef EMSGSIZE
#define EMSGSIZE (90)
#undef EMULTIHOP
#define EMULTIHOP (72)
#undef ENAMETOOLONG
#define ENAMETOOLONG (36)
#undef ENETDOWN
#define ENETDOWN (100)
#undef ENETRESET
#define ENETRESET (102)
#undef ENETUNREACH
#define ENETUNREACH (101)
#undef ENFILE
#define ENFILE (23)
#undef ENOBUFS
#define ENOBUFS (105)
#undef ENODEV
#define ENODEV (19)
#undef ENOENT
#define ENOENT (2)
#undef ENOEXEC
#define ENOEXEC (8)
#undef ENOLCK
#define ENOLCK (37)
#undef ENOLINK
#define ENOLINK (67)
#undef ENOMEM
#define ENOMEM (12)
#undef ENOMSG
#define ENOMSG (42)
#undef ENOPROTOOPT
#define ENOPROTOOPT (92)
#undef ENOSPC
#define ENOSPC (28)
#undef ENOSYS
#define ENOSYS (38)
#undef ENOTCONN
#define ENOTCONN (107)
#undef ENOTDIR
#define ENOTDIR (20)
#undef ENOTEMPTY
#define ENOTEMPTY (39)
#undef ENOTRECOVERABLE
#define ENOTRECOVERABLE (131)
#undef ENOTSOCK
#define ENOTSOCK (88)
#undef ENOTSUP
#define ENOTSUP (95)
#undef ENOTTY
#define ENOTTY (25)
#undef ENXIO
#define ENXIO (6)
#undef EOVERFLOW
#define EOVERFLOW (75)
#undef EOWNERDEAD
#define EOWNERDEAD (130)
#undef EPERM
#define EPERM (1)
#undef EPIPE
#define EPIPE (32)
#undef EPROTO
#define EPROTO (71)
#undef EPROTONOSUPPORT
#define EPROTONOSUPPORT (93)
#undef EPROTOTYPE
#define EPROTOTYPE (91)
#undef ERANGE
#define ERANGE (34)
#undef EROFS
#define EROFS (30)
#undef ESPIPE
#define ESPIPE (29)
#undef ESRCH
#define ESRCH (3)
#undef ESTALE
#define ESTALE (116)
#undef ETIMEDOUT
#define ETIMEDOUT (110)
#undef ETXTBSY
#define ETXTBSY (26)
#undef EXDEV
#define EXDEV (18)
#undef ENOTCAPABLE
#define ENOTCAPABLE (13)
#undef EOPNOTSUPP
#define EOPNOTSUPP ENOTSUP
#undef EWOULDBLOCK
#define EWOULDBLOCK EAGAIN

// WASI code -> board number, for wasm_compat.c.
#define OFFICINA_ERRNO_TABLE(X) \
    X(__WASI_ERRNO_2BIG, 7) \
    X(__WASI_ERRNO_ACCES, 13) \
    X(__WASI_ERRNO_ADDRINUSE, 98) \
    X(__WASI_ERRNO_ADDRNOTAVAIL, 99) \
    X(__WASI_ERRNO_AFNOSUPPORT, 97) \
    X(__WASI_ERRNO_AGAIN, 11) \
    X(__WASI_ERRNO_ALREADY, 114) \
    X(__WASI_ERRNO_BADF, 9) \
    X(__WASI_ERRNO_BADMSG, 74) \
    X(__WASI_ERRNO_BUSY, 16) \
    X(__WASI_ERRNO_CANCELED, 125) \
    X(__WASI_ERRNO_CHILD, 10) \
    X(__WASI_ERRNO_CONNABORTED, 103) \
    X(__WASI_ERRNO_CONNREFUSED, 111) \
    X(__WASI_ERRNO_CONNRESET, 104) \
    X(__WASI_ERRNO_DEADLK, 35) \
    X(__WASI_ERRNO_DESTADDRREQ, 89) \
    X(__WASI_ERRNO_DOM, 33) \
    X(__WASI_ERRNO_DQUOT, 122) \
    X(__WASI_ERRNO_EXIST, 17) \
    X(__WASI_ERRNO_FAULT, 14) \
    X(__WASI_ERRNO_FBIG, 27) \
    X(__WASI_ERRNO_HOSTUNREACH, 113) \
    X(__WASI_ERRNO_IDRM, 43) \
    X(__WASI_ERRNO_ILSEQ, 84) \
    X(__WASI_ERRNO_INPROGRESS, 115) \
    X(__WASI_ERRNO_INTR, 4) \
    X(__WASI_ERRNO_INVAL, 22) \
    X(__WASI_ERRNO_IO, 5) \
    X(__WASI_ERRNO_ISCONN, 106) \
    X(__WASI_ERRNO_ISDIR, 21) \
    X(__WASI_ERRNO_LOOP, 40) \
    X(__WASI_ERRNO_MFILE, 24) \
    X(__WASI_ERRNO_MLINK, 31) \
    X(__WASI_ERRNO_MSGSIZE, 90) \
    X(__WASI_ERRNO_MULTIHOP, 72) \
    X(__WASI_ERRNO_NAMETOOLONG, 36) \
    X(__WASI_ERRNO_NETDOWN, 100) \
    X(__WASI_ERRNO_NETRESET, 102) \
    X(__WASI_ERRNO_NETUNREACH, 101) \
    X(__WASI_ERRNO_NFILE, 23) \
    X(__WASI_ERRNO_NOBUFS, 105) \
    X(__WASI_ERRNO_NODEV, 19) \
    X(__WASI_ERRNO_NOENT, 2) \
    X(__WASI_ERRNO_NOEXEC, 8) \
    X(__WASI_ERRNO_NOLCK, 37) \
    X(__WASI_ERRNO_NOLINK, 67) \
    X(__WASI_ERRNO_NOMEM, 12) \
    X(__WASI_ERRNO_NOMSG, 42) \
    X(__WASI_ERRNO_NOPROTOOPT, 92) \
    X(__WASI_ERRNO_NOSPC, 28) \
    X(__WASI_ERRNO_NOSYS, 38) \
    X(__WASI_ERRNO_NOTCONN, 107) \
    X(__WASI_ERRNO_NOTDIR, 20) \
    X(__WASI_ERRNO_NOTEMPTY, 39) \
    X(__WASI_ERRNO_NOTRECOVERABLE, 131) \
    X(__WASI_ERRNO_NOTSOCK, 88) \
    X(__WASI_ERRNO_NOTSUP, 95) \
    X(__WASI_ERRNO_NOTTY, 25) \
    X(__WASI_ERRNO_NXIO, 6) \
    X(__WASI_ERRNO_OVERFLOW, 75) \
    X(__WASI_ERRNO_OWNERDEAD, 130) \
    X(__WASI_ERRNO_PERM, 1) \
    X(__WASI_ERRNO_PIPE, 32) \
    X(__WASI_ERRNO_PROTO, 71) \
    X(__WASI_ERRNO_PROTONOSUPPORT, 93) \
    X(__WASI_ERRNO_PROTOTYPE, 91) \
    X(__WASI_ERRNO_RANGE, 34) \
    X(__WASI_ERRNO_ROFS, 30) \
    X(__WASI_ERRNO_SPIPE, 29) \
    X(__WASI_ERRNO_SRCH, 3) \
    X(__WASI_ERRNO_STALE, 116) \
    X(__WASI_ERRNO_TIMEDOUT, 110) \
    X(__WASI_ERRNO_TXTBSY, 26) \
    X(__WASI_ERRNO_XDEV, 18) \
    X(__WASI_ERRNO_NOTCAPABLE, 13) \

#endif
