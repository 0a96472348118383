// The robot inside the interpreter (design 1 of docs/engine_speed.md): serving the guest's
// line-sensor reads, motor PWM duties, sonar trigger writes, time_pulse_us on sonar echoes, sleeps
// and ticks without a host call while nothing else is due, and completing the robot ops the host
// registered in a real call. The physics is in modrobot_physics.c, the sonars in modrobot_sonar.c;
// the host writes the constants, the noise table and the grids once (officina_robot + the blob)
// and reads the states at the end (app/sim/robot/crobot.py). The robot's own work is not counted
// on the clock: the fuel counter is restored around it, and a served op leaves the counter where
// the same op's real call left it (calibrated per label).

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "robot_internal.h"

__attribute__((import_module("officina"), import_name("fuel_now")))
extern int64_t officina_fuel_now(void);
__attribute__((import_module("officina"), import_name("fuel_set")))
extern void officina_fuel_set(int64_t value);

officina_robot_t officina_robot __attribute__((aligned(8)));

// RobotLink._readings: the readings of the step `now` is in (computed once per step)
static const int32_t *readings_now(officina_robot_t *r, int64_t now) {
    int64_t k = now / r->step_us;
    if (k != r->cached_step) {
        int64_t before = r->nstates;
        robot_readings(r, k);
        int64_t steps = r->nstates - before;
        if (steps > 0) {
            add_charge(r, steps * r->step_fuel);
        }
        int64_t capped = k < r->end_step ? k : r->end_step;
        if (r->floor_step < capped) {
            r->floor_step = capped;
        }
        r->cached_step = k;
    }
    return r->cached;
}

static int32_t line_level(officina_robot_t *r, int n, int64_t now) {
    return readings_now(r, now)[n] > r->threshold ? (int32_t)r->dark : (int32_t)(1 - r->dark);
}

int64_t officina_robot_serve(char k, const char *payload, size_t len, int32_t *args, int64_t f_entry) {
    officina_robot_t *r = &officina_robot;
    officina_robot_label_t *lab = NULL;
    if (!r->serve) {  // a callback due or running, a watchdog, or not started: the host decides
        return 0;
    }
    int64_t pre, total;
    if (k == 'S' || k == 's') {
        if (len) {
            return 0;
        }
        pre = k == 'S' ? r->cal_S_pre : r->cal_s_pre;
        total = k == 'S' ? r->cal_S_total : r->cal_s_total;
    } else if (k == 'm') {  // time.ticks_ms/us, time.time
        if (len) {
            return 0;
        }
        pre = r->cal_m_pre;
        total = r->cal_m_total;
    } else if (k == 'A' || k == 'R' || k == 'D' || k == 'W' || k == 'P') {
        for (int i = 0; i < r->nlabels; i++) {
            officina_robot_label_t *e = &r->labels[i];
            if (e->kind == k && (size_t)e->len == len && memcmp(e->label, payload, len) == 0) {
                lab = e;
                break;
            }
        }
        if (lab == NULL) {
            return 0;
        }
        pre = lab->pre;
        total = lab->total;
    } else {
        return 0;
    }
    if (total <= 0 || pre <= 0) {
        return 0;  // not calibrated yet: a real call first
    }
    int64_t fpu = r->fpu;
    int64_t stamp = f_entry + pre;
    int64_t fuel = stamp - r->last_count + r->carry;
    if (fuel < 0) {
        return 0;
    }
    int64_t now = r->now + fuel / fpu;
    int64_t carry = fuel % fpu;
    int64_t end = r->end_us;
    if (r->goal_step >= 0 && r->stop_after >= 0) {  // VirtualBoard._end_at_goal
        int64_t done = r->goal_step * r->step_us + r->stop_after;
        if (done < end) {
            end = now > done ? now : done;
        }
    }
    if (now >= end) {
        return 0;
    }
    int32_t a = args[0];
    switch (k) {
        case 'm': {  // MachineIO.ticks: the tick's cost, then ms, us, s and the whole time
            int64_t us = r->tick_us;
            if (now + us >= end) {
                return 0;
            }
            now += us;
            add_charge(r, us * fpu);
            args[0] = (int32_t)((now / 1000) & ((1 << 30) - 1));
            args[1] = (int32_t)(now & ((1 << 30) - 1));
            args[2] = (int32_t)(now / 1000000);
            args[3] = now < 2147483647 ? (int32_t)now : 2147483647;
            break;
        }
        case 'S':
        case 's': {
            if (a <= 0) {
                return 0;
            }
            int64_t target = now + (k == 'S' ? (int64_t)a * 1000 : (int64_t)a);
            if (target >= end) {
                return 0;
            }
            now = target;
            r->slept = 1;
            break;
        }
        case 'W': {  // vb.cost(PIN_US), then the write
            if (now + r->pin_us >= end) {
                return 0;
            }
            int64_t at = now + r->pin_us;
            if (!robot_pin_write(r, lab, a, at)) {
                return 0;
            }
            now = at;
            add_charge(r, r->pin_us * fpu);
            break;
        }
        case 'P': {
            if (!robot_pulse(r, lab, args, &now, end)) {
                return 0;
            }
            break;
        }
        case 'A':
        case 'R':
        case 'D': {
            int64_t us = k == 'A' ? r->adc_us : r->pin_us;
            if (now + us >= end) {
                return 0;
            }
            now += us;
            add_charge(r, us * fpu);
            r->now = now;  // (the physics below reads no clock but its argument)
            if (k == 'A') {
                args[0] = readings_now(r, now)[lab->index] & (int32_t)r->mask;
            } else if (k == 'R') {
                args[0] = line_level(r, lab->index, now);
            } else {
                robot_duty(r, lab->index, a, now);
            }
            break;
        }
    }
    r->now = now;
    r->carry = carry;
    r->last_count = stamp;
    r->end_us = end;
    r->served++;
    return total;
}

void officina_robot_complete(int32_t *args) {
    officina_robot_t *r = &officina_robot;
    int64_t kind = r->comp_kind;
    r->comp_kind = 0;
    if (!r->enabled) {
        return;
    }
    int64_t f = officina_fuel_now();
    if (kind == 'A') {
        args[0] = readings_now(r, r->now)[r->comp_arg] & (int32_t)r->mask;
    } else if (kind == 'R') {
        args[0] = line_level(r, (int)r->comp_arg, r->now);
    } else if (kind == 'D') {
        robot_duty(r, (int)r->comp_arg, r->comp_val, r->now);
    } else if (kind == 'E' && r->comp_arg >= 0 && r->comp_arg < r->nsonar) {
        robot_sonar_echo(r, (int)r->comp_arg, r->comp_val);  // a falling trigger the host saw
    }
    officina_fuel_set(f);
}

void officina_robot_calibrate(char k, const char *payload, size_t len, int64_t pre, int64_t total) {
    officina_robot_t *r = &officina_robot;
    if (k == 'S') {
        r->cal_S_pre = pre;
        r->cal_S_total = total;
    } else if (k == 's') {
        r->cal_s_pre = pre;
        r->cal_s_total = total;
    } else if (k == 'm') {
        if (len == 0) {
            r->cal_m_pre = pre;
            r->cal_m_total = total;
        }
    } else {
        for (int i = 0; i < r->nlabels; i++) {
            officina_robot_label_t *e = &r->labels[i];
            if (e->kind == k && (size_t)e->len == len && memcmp(e->label, payload, len) == 0) {
                e->pre = (int32_t)pre;
                e->total = (int32_t)total;
            }
        }
    }
}
