// Officina's MicroPython WASI variant of the unix port (used as VARIANT_DIR by
// scripts/build_interpreter.sh). Based on the upstream "wasi" variant of
// micropython/micropython PR 13676, minus everything that lets a program reach
// interpreter memory or the outside world (uctypes, machine.mem*, ffi, socket,
// select, threads, termios).

// Set base feature level, as upstream's wasi variant does.
#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)

// WASI has different values for POLL constants.
#define MICROPY_PY_SELECT_POSIX_OPTIMISATIONS (0)

// WASI doesn't have executable or process; no network, so no websocket.
#define MICROPY_PY_OS_SYSTEM (0)
#define MICROPY_PY_SYS_EXECUTABLE (0)
#define MICROPY_PY_WEBSOCKET (0)

// No raw memory access from Python: uctypes reads and writes any address.
#define MICROPY_PY_UCTYPES (0)

// Nothing to wait on in a sandbox without sockets or a terminal.
#define MICROPY_PY_SELECT (0)

// errno numbers of the real boards (EIO 5, ENOENT 2, ENODEV 19), not WASI's (29, 44, 43); the
// unix port's C code is made to agree by compat/errno.h.
#define MICROPY_USE_INTERNAL_ERRNO (1)

// The C shadow stack is 256 KiB (see mpconfigvariant.mk); the recursion
// check triggers at 40000 * 4 bytes, well before it overflows.
#define UNIX_STACK_MULTIPLIER (4)

// Enable extra Unix features.
#include "variants/mpconfigvariant_common.h"

// The unix port's built-in "machine" module exists for machine.mem8/16/32,
// i.e. raw memory access; the simulator provides its own "machine".
#undef MICROPY_PY_MACHINE
#define MICROPY_PY_MACHINE (0)
#undef MICROPY_PY_MACHINE_PULSE
#define MICROPY_PY_MACHINE_PULSE (0)
#undef MICROPY_PY_MACHINE_PIN_BASE
#define MICROPY_PY_MACHINE_PIN_BASE (0)

// There is no /dev/urandom in the sandbox: seed `random` with a constant, so
// that importing it works and every run is reproducible (the unix port's
// default seeds from os.urandom and fails to import with OSError 76).
#undef MICROPY_PY_RANDOM_SEED_INIT_FUNC
#define MICROPY_PY_RANDOM_SEED_INIT_FUNC (0x4f666963)

// The computing budget, checked where MicroPython checks for pending exceptions (after a
// backward jump), once every 256 of them (a call inside the VM loop makes --spill-pointers save
// every live pointer around it: a countdown keeps that off the hot path), so a runaway Python
// loop stops soon after its budget ends (a check at every return cost a line-following grade 5 %
// more; recursion alone reaches the store's backstop or the stack limit). The simulator runs
// this build with its own fuel counter (app/sim/fuelcount.py turns officina.fuel_now into a read
// of it); the host keeps officina_budget at the budget minus what the board charged, and
// officina_budget_check() calls officina.out_of_fuel, which ends the run as out of fuel.
#include <stdint.h>
extern int32_t officina_budget_countdown;
void officina_budget_check(void);
#define MICROPY_VM_HOOK_LOOP if (--officina_budget_countdown < 0) { officina_budget_check(); }
