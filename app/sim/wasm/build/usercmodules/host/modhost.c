// The "host" module of Officina's MicroPython WASI build: host.call(name, payload)
// passes two strings to the wasm import micropython_wasm.host_call and returns the
// host's answer as a str:
//   host_call(name_ptr, name_len, payload_ptr, payload_len, result_ptr, result_cap) -> i32
//     (length of the answer, or < 0 when the host refuses the call)
//   host_result_cap() -> i32   (size of the answer buffer the guest must provide)
// A line-following robot runs inside the interpreter (modrobot.c): while nothing else is due, the
// robot answers its sensor reads, motor duties, sleeps and ticks here, without a host call, and
// leaves the fuel counter (app/sim/fuelcount.py turns the officina.fuel_now/fuel_set imports into
// reads and writes of it) exactly where the same call through the host would have left it.

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/objarray.h"
#include "py/objstr.h"
#include "py/runtime.h"

#include "modrobot.h"

// Upper bound on the answer buffer, whatever the host asks for.
#define HOST_RESULT_CAP_MAX (1024 * 1024)

// One answer buffer for the whole run, outside the GC heap: allocating (and zeroing) 64 KiB of
// GC heap per call cost ~400 k fuel per host.call. The host never calls back into the guest,
// so the buffer is never in use twice at once; it holds no pointers the GC must see.
static char *answer_buf;
static size_t answer_cap;

__attribute__((import_module("micropython_wasm"), import_name("host_call")))
extern int32_t officina_host_call(const char *name, size_t name_len, const char *payload,
    size_t payload_len, char *result, size_t result_cap);

__attribute__((import_module("micropython_wasm"), import_name("host_result_cap")))
extern int32_t officina_host_result_cap(void);

__attribute__((import_module("officina"), import_name("fuel_set")))
extern void officina_fuel_set(int64_t value);

__attribute__((import_module("officina"), import_name("fuel_now")))
extern int64_t officina_fuel_now(void);
__attribute__((import_module("officina"), import_name("out_of_fuel")))
extern void officina_out_of_fuel(void);

// The budget left for the guest's own instructions, which the VM checks every 256 backward jumps
// (mpconfigvariant.h); the host writes it (its address goes with "init"). Until then
// nothing is over it.
int64_t officina_budget = INT64_MAX;
int32_t officina_budget_countdown = 256;

void officina_budget_check(void) {
    officina_budget_countdown = 256;
    if (officina_fuel_now() > officina_budget) {
        officina_out_of_fuel();
    }
}

static int32_t *args_items;  // the boot code's argument array (learnt once, at "init")
static char init_payload[96];

static mp_obj_t host_call(mp_obj_t name_obj, mp_obj_t payload_obj) {
    int64_t f_entry = officina_fuel_now();
    size_t name_len;
    size_t payload_len;
    const char *name = mp_obj_str_get_data(name_obj, &name_len);
    const char *payload = mp_obj_str_get_data(payload_obj, &payload_len);
    // The robot's own work is off the clock: the counter goes back to where it was before it.
    int64_t f_try = officina_fuel_now();
    if (officina_robot.enabled && name_len == 1 && args_items != NULL) {
        int64_t total = officina_robot_serve(name[0], payload, payload_len, args_items, f_entry);
        if (total > 0) {  // served: the counter as after the same call through the host
            officina_fuel_set(f_entry + total);
            return MP_OBJ_NEW_QSTR(MP_QSTR_);
        }
    }
    officina_fuel_set(f_try);
    int is_init = 0;
    if (args_items == NULL && name_len == 4 && memcmp(name, "init", 4) == 0) {
        // the boot code's one "init": "<id(A)> <id(RB)>"; the addresses of the robot struct and
        // of the budget are added
        is_init = 1;
        mp_obj_array_t *a = (mp_obj_array_t *)(uintptr_t)strtoul(payload, NULL, 10);
        args_items = (int32_t *)a->items;
        size_t n = payload_len < 60 ? payload_len : 60;
        memcpy(init_payload, payload, n);
        n += snprintf(init_payload + n, sizeof(init_payload) - n, " %lu %lu",
            (unsigned long)(uintptr_t)&officina_robot, (unsigned long)(uintptr_t)&officina_budget);
        payload = init_payload;
        payload_len = n;
    }
    if (answer_buf == NULL) {
        int32_t cap = officina_host_result_cap();
        answer_cap = cap < 0 ? 0 : cap > HOST_RESULT_CAP_MAX ? HOST_RESULT_CAP_MAX : (size_t)cap;
        answer_buf = malloc(answer_cap + 1);
        if (answer_buf == NULL) {
            mp_raise_msg(&mp_type_MemoryError, MP_ERROR_TEXT("host callback buffer"));
        }
    }
    int32_t answer_len = officina_host_call(name, name_len, payload, payload_len, answer_buf,
        answer_cap);
    int64_t f_post = officina_fuel_now();
    if (officina_robot.comp_kind) {  // a robot op the host registered: performed here
        officina_robot_complete(args_items);
    }
    if (is_init && officina_robot.enabled && officina_robot.blob_size > 0 && answer_len >= 0) {
        // the host fills the robot's tables into this buffer at the "robot" call
        void *blob = malloc((size_t)officina_robot.blob_size);
        officina_robot.blob = (int64_t)(uintptr_t)blob;
        if (blob == NULL || officina_host_call("robot", 5, "", 0, answer_buf, answer_cap) < 0) {
            officina_robot.enabled = 0;
        }
    }
    officina_fuel_set(f_post);
    if (answer_len < 0) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host callback failed"));
    }
    if ((size_t)answer_len > answer_cap) {
        mp_raise_msg(&mp_type_ValueError, MP_ERROR_TEXT("host callback result too large"));
    }
    mp_obj_t res = mp_obj_new_str(answer_buf, (size_t)answer_len);
    int64_t f_end = officina_fuel_now();
    if (officina_robot.enabled && name_len == 1) {
        // the host wrote the count it read at the call (the served op's time) into last_count
        officina_robot_calibrate(name[0], payload, payload_len,
            officina_robot.last_count - f_entry, f_end - f_entry);
    }
    officina_fuel_set(f_end);
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_2(host_call_obj, host_call);

static const mp_rom_map_elem_t host_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_host) },
    { MP_ROM_QSTR(MP_QSTR_call), MP_ROM_PTR(&host_call_obj) },
};
static MP_DEFINE_CONST_DICT(host_module_globals, host_module_globals_table);

const mp_obj_module_t officina_host_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&host_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_host, officina_host_module);
