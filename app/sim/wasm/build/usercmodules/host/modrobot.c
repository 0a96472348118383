// The robot's hot path inside the interpreter (design 1 of docs/engine_speed.md). A port of
// app/sim/robot/physics.py (RobotSim.ensure/_targets/command/sonar_mm, line_and_bumpers' line
// part), sensors.spot_covers/sonar_cm/body_blocked, protocol.RobotLink.pwm and the HC-SR04 of
// hal/inputs.py and hal/machine.py, serving the guest's line-sensor reads, motor PWM duties,
// sonar trigger writes, time_pulse_us on sonar echoes, sleeps and ticks without a host call
// while nothing else is due. The host writes the constants, the noise table and the
// grids once (officina_robot + the blob), keeps the scenario and reads the states at the end.
// The robot's own work is not counted on the clock: the fuel counter is restored around it, and
// a served op leaves the counter where the same op's real call left it (calibrated per label).

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "modrobot.h"

__attribute__((import_module("officina"), import_name("fuel_now")))
extern int64_t officina_fuel_now(void);
__attribute__((import_module("officina"), import_name("fuel_set")))
extern void officina_fuel_set(int64_t value);

officina_robot_t officina_robot __attribute__((aligned(8)));

#define NOISE_MASK 8191
#define STEP_STRIDE 4099
#define CHANNEL_STRIDE 2053

// Python's float floor division (Objects/floatobject.c, float_floor_div)
static double py_floordiv(double vx, double wx) {
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    return floordiv;
}

// int(a // b), with out-of-range values (a trap in wasm) mapped far outside any grid
static int64_t py_idiv(double a, double b) {
    double d = a / b;
    if (!(d > -1e9 && d < 1e9)) {
        return -1000000000;
    }
    double f = floor(d);
    if (d != f) {  // a rounded quotient that is not a whole number: its floor is the exact one's
        return (int64_t)f;
    }
    double q = py_floordiv(a, b);
    if (!(q > -1e9 && q < 1e9)) {
        return -1000000000;
    }
    return (int64_t)q;
}

// fuel the board charges (the host adds it to the budget spent); the guest's own budget check
// (mpconfigvariant.h) sees it at once, as when the host charges in a call
static inline void add_charge(officina_robot_t *r, int64_t fuel) {
    r->charge += fuel;
    officina_budget -= fuel;
}

#define BLOB(r, off, type) ((type *)((char *)(uintptr_t)(r)->blob + (r)->off))

static int64_t bisect_right(const int64_t *a, int64_t n, int64_t x) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (x < a[mid]) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

// RobotSim._targets
static void targets(officina_robot_t *r, int64_t step, double *speeds, int64_t *nxt_out) {
    int64_t nxt = (int64_t)1 << 62;
    for (int m = 0; m < 2; m++) {
        const int64_t *steps = BLOB(r, off_csteps, int64_t) + m * r->cmd_cap;
        const double *values = BLOB(r, off_cvals, double) + m * r->cmd_cap;
        int64_t n = r->ncmd[m];
        double power;
        if (step >= steps[n - 1]) {
            power = values[n - 1];
        } else {
            int64_t i = bisect_right(steps, n, step);
            power = values[i - 1];
            if (i < n && steps[i] < nxt) {
                nxt = steps[i];
            }
        }
        double a = fabs(power);
        speeds[m] = 0.0;
        if (a > r->db) {
            double v = r->top * (a - r->db) / (1.0 - r->db) * r->gain[m];
            speeds[m] = power > 0 ? v : -v;
        }
    }
    *nxt_out = nxt;
}

// sensors.body_blocked over the wall grid's cell of (x, y)
static int body_blocked(officina_robot_t *r, double x, double y, double radius) {
    int64_t c = py_idiv(x, r->wg_cell) + 1, rr = py_idiv(y, r->wg_cell) + 1;
    if (c < 0 || rr < 0 || c >= r->wg_cols || rr >= r->wg_rows) {
        return 0;
    }
    const int32_t *cell = BLOB(r, off_wgcells, int32_t) + 2 * (rr * r->wg_cols + c);
    const double *seg = BLOB(r, off_wgsegs, double) + 6 * cell[0];
    for (int32_t i = 0; i < cell[1]; i++, seg += 6) {
        double x0 = seg[0], y0 = seg[1], dx = seg[2], dy = seg[3], length2 = seg[4], d;
        if (length2 <= 0.0) {
            d = hypot(x - x0, y - y0);
        } else {
            double t = ((x - x0) * dx + (y - y0) * dy) / length2;
            if (t < 0.0) {
                t = 0.0;
            } else if (t > 1.0) {
                t = 1.0;
            }
            d = hypot(x - (x0 + t * dx), y - (y0 + t * dy));
        }
        if (d < radius) {
            return 1;
        }
    }
    return 0;
}

// RobotSim.ensure: the state at step k (computed if needed, k capped at the run's end)
static double *ensure(officina_robot_t *r, int64_t k) {
    if (k < 0) {
        k = 0;
    } else if (k > r->end_step) {
        k = r->end_step;
    }
    double *states = BLOB(r, off_states, double);
    if (r->nstates > k) {
        return states + 6 * k;
    }
    const double *table = BLOB(r, off_noise, double);
    double dt = r->dt, alpha = r->alpha, jitter = r->jitter, track = r->track;
    int64_t valid_from = 0, next_change = 0;
    double t[2] = {0.0, 0.0};
    while (r->nstates <= k) {
        int64_t j = r->nstates - 1;
        if (!(valid_from <= j && j < next_change)) {
            targets(r, j, t, &next_change);
            valid_from = j;
        }
        const double *s = states + 6 * j;
        double x = s[0], y = s[1], th = s[2], vl = s[3], vr = s[4];
        double tl = t[0], tr = t[1];
        if (jitter != 0.0) {
            int64_t at = j * STEP_STRIDE;
            vl += (tl * (1.0 + jitter * table[(at + 3 * CHANNEL_STRIDE) & NOISE_MASK]) - vl) * alpha;
            vr += (tr * (1.0 + jitter * table[(at + 4 * CHANNEL_STRIDE) & NOISE_MASK]) - vr) * alpha;
        } else {
            vl += (tl - vl) * alpha;
            vr += (tr - vr) * alpha;
        }
        double v = (vl + vr) * 0.5;
        double w = (vr - vl) / track;
        double thm = th + w * dt * 0.5;
        double nx = x + v * cos(thm) * dt;
        double ny = y + v * sin(thm) * dt;
        double nth = th + w * dt;
        int moved = nx != x || ny != y;
        if (moved) {
            int64_t c = py_idiv(nx, r->wg_cell) + 1, rr = py_idiv(ny, r->wg_cell) + 1;
            moved = 0 <= c && c < r->wg_cols && 0 <= rr && rr < r->wg_rows
                && BLOB(r, off_wgcells, int32_t)[2 * (rr * r->wg_cols + c) + 1] > 0;
        }
        double *o = states + 6 * (j + 1);
        if (moved && body_blocked(r, nx, ny, r->radius)) {
            o[0] = x;
            o[1] = y;
            o[2] = nth;
            o[3] = 0.0;
            o[4] = 0.0;
            o[5] = 1.0;
        } else {
            o[0] = nx;
            o[1] = ny;
            o[2] = nth;
            o[3] = vl;
            o[4] = vr;
            o[5] = 0.0;
            if (r->goal_kind && r->goal_step < 0) {
                int in = r->goal_kind == 1 ? hypot(nx - r->gx, ny - r->gy) <= r->gr
                    : (r->rx0 <= nx && nx <= r->rx1 && r->ry0 <= ny && ny <= r->ry1);
                if (in) {
                    r->goal_step = j + 1;
                }
            }
        }
        r->nstates++;
        r->steps_done++;
    }
    return states + 6 * k;
}

// sensors.spot_covers + the readings of line_and_bumpers (line sensors only)
static void readings(officina_robot_t *r, int64_t k) {
    const double *st = (k >= 0 && k < r->nstates) ? BLOB(r, off_states, double) + 6 * k : ensure(r, k);
    double x = st[0], y = st[1], th = st[2];
    double c = cos(th), s = sin(th);
    const double *sens = BLOB(r, off_sens, double);
    const int32_t *cells = BLOB(r, off_sgcells, int32_t);
    const double *segs = BLOB(r, off_sgsegs, double);
    const double *table = BLOB(r, off_noise, double);
    int64_t at = k * STEP_STRIDE;
    for (int64_t n = 0; n < r->nline; n++) {
        double sx = sens[2 * n], sy = sens[2 * n + 1];
        double px = x + sx * c - sy * s;
        double py = y + sx * s + sy * c;
        int64_t col = py_idiv(px - r->sg_x0, r->sg_cell), row = py_idiv(py - r->sg_y0, r->sg_cell);
        double cover = 0.0;
        if (0 <= col && col < r->sg_cols && 0 <= row && row < r->sg_rows) {
            const int32_t *cell = cells + 3 * (row * r->sg_cols + col);
            int ok = cell[1] > 0;
            if (ok && !cell[2]) {  // ReachGrid.near: the point must lie in the outer grid
                int64_t oc = py_idiv(px, r->og_cell) + 1, orow = py_idiv(py, r->og_cell) + 1;
                ok = 0 <= oc && oc < r->og_cols && 0 <= orow && orow < r->og_rows;
            }
            if (ok) {
                double best = 1e9;
                const double *g = segs + 6 * cell[0];
                for (int32_t i = 0; i < cell[1]; i++, g += 6) {
                    double x0 = g[0], y0 = g[1], dx = g[2], dy = g[3], length2 = g[4], hw = g[5];
                    double ex = px - x0, ey = py - y0;
                    double t = length2 > 0.0 ? (ex * dx + ey * dy) / length2 : 0.0;
                    if (t < 0.0) {
                        t = 0.0;
                    } else if (t > 1.0) {
                        t = 1.0;
                    }
                    double d = hypot(ex - t * dx, ey - t * dy) - hw;
                    if (d < best) {
                        best = d;
                    }
                }
                if (best < r->spot) {
                    cover = best <= -r->spot ? 1.0 : 0.5 - best / (2 * r->spot);
                }
            }
        }
        int64_t channel = (10 + n) * CHANNEL_STRIDE;
        double v = r->light + r->span * cover + r->amp * table[(at + channel) & NOISE_MASK] * 65535;
        r->cached[n] = v < 0 ? 0 : v > 65535 ? 65535 : (int32_t)v;
    }
}

// RobotLink._readings: the readings of the step `now` is in (computed once per step)
static const int32_t *readings_now(officina_robot_t *r, int64_t now) {
    int64_t k = now / r->step_us;
    if (k != r->cached_step) {
        int64_t before = r->nstates;
        readings(r, k);
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

// RobotSim.command
static void command(officina_robot_t *r, int64_t eff, int m, double power) {
    if (eff < r->floor_step) {
        eff = r->floor_step;
    }
    if (eff > r->end_step) {
        eff = r->end_step;
    }
    power = power < -1.0 ? -1.0 : power > 1.0 ? 1.0 : power;
    int64_t *steps = BLOB(r, off_csteps, int64_t) + m * r->cmd_cap;
    double *values = BLOB(r, off_cvals, double) + m * r->cmd_cap;
    int64_t n = r->ncmd[m];
    int64_t last = steps[n - 1];
    if (eff > last) {
        steps[n] = eff;
        values[n] = power;
        r->ncmd[m] = n + 1;
    } else if (eff == last) {
        values[n - 1] = power;
    } else {
        int64_t i = bisect_right(steps, n, eff);
        if (steps[i - 1] == eff) {
            values[i - 1] = power;
            r->ncmd[m] = i;
        } else {
            steps[i] = eff;
            values[i] = power;
            r->ncmd[m] = i + 1;
        }
    }
    if (r->nstates > eff + 1) {
        r->nstates = eff + 1;
        if (r->goal_step >= 0 && r->goal_step > eff) {
            r->goal_step = -1;
        }
    }
}

// machine.pwm_duty's state change + RobotLink.pwm on motor pin `pin` at `now`
static void duty(officina_robot_t *r, int pin, int64_t d, int64_t now) {
    d = d < 0 ? 0 : d > 65535 ? 65535 : d;
    if (d == r->duty[pin]) {
        return;
    }
    r->duty[pin] = d;
    int64_t m = r->motor_of[pin];
    int64_t net = 0;
    for (int p = 0; p < 4; p++) {
        if (r->motor_of[p] == m) {
            net += r->sign_of[p] * r->duty[p];
        }
    }
    int64_t power = net < -65535 ? -65535 : net > 65535 ? 65535 : net;
    if (r->power[m] != power) {
        r->power[m] = power;
        int64_t eff = (now + r->step_us - 1) / r->step_us;
        command(r, eff, (int)m, (double)power / 65535.0);
        if (eff <= r->cached_step) {
            r->cached_step = -1;
        }
    }
}

static int32_t line_level(officina_robot_t *r, int n, int64_t now) {
    return readings_now(r, now)[n] > r->threshold ? (int32_t)r->dark : (int32_t)(1 - r->dark);
}

// app/sim/hal/inputs.py and app/sim/robot/sensors.py
#define ECHO_DELAY_US 1000
#define NO_ECHO_US 38000
#define SONAR_MIN_CM 2.0
#define SONAR_MAX_CM 400.0
#define SONAR_CHANNEL 40

// sensors.sonar_cm: the nearest hit of the five rays, < 0 for none within range
static double sonar_cast(officina_robot_t *r, const officina_sonar_t *so, const double *st) {
    double x = st[0], y = st[1], th = st[2];
    double c = cos(th), s = sin(th);
    double ox = x + so->sx * c - so->sy * s, oy = y + so->sx * s + so->sy * c;
    double dxs[5], dys[5];
    for (int i = 0; i < 5; i++) {
        double a = th + so->fan[i];
        dxs[i] = cos(a);
        dys[i] = sin(a);
    }
    double mx = dxs[2], my = dys[2], lx = dxs[4], ly = dys[4], rx = dxs[0], ry = dys[0];
    int inside = 0.0 <= ox && ox <= r->width && 0.0 <= oy && oy <= r->height;
    const double *seg;
    int64_t n;
    if (inside && r->has_border) {
        seg = BLOB(r, off_rin, double);
        n = r->n_rin;
    } else {
        seg = BLOB(r, off_rall, double);
        n = r->n_rall;
    }
    int found = 0;
    double best = 0.0;
    for (int64_t j = 0; j < n; j++, seg += 4) {
        double x0 = seg[0], y0 = seg[1], ex = seg[2], ey = seg[3];
        double wx = x0 - ox, wy = y0 - oy;
        double vx = wx + ex, vy = wy + ey;
        if (wx * mx + wy * my < 0.0 && vx * mx + vy * my < 0.0) {
            continue;
        }
        if (lx * wy - ly * wx > 0.0 && lx * vy - ly * vx > 0.0) {
            continue;
        }
        if (rx * wy - ry * wx < 0.0 && rx * vy - ry * vx < 0.0) {
            continue;
        }
        if (found) {
            double far = best * (1.0 + 1e-9) + 1e-9;
            if ((wx > far && vx > far) || (wx < -far && vx < -far)
                || (wy > far && vy > far) || (wy < -far && vy < -far)) {
                continue;
            }
        }
        double cross_t = wx * ey - wy * ex;
        for (int i = 0; i < 5; i++) {
            double dx = dxs[i], dy = dys[i];
            double den = dx * ey - dy * ex;
            if (-1e-12 < den && den < 1e-12) {
                continue;
            }
            double t = cross_t / den;
            double u = (wx * dy - wy * dx) / den;
            if (t >= 0.0 && 0.0 <= u && u <= 1.0 && (!found || t < best)) {
                best = t;
                found = 1;
            }
        }
    }
    if (!found || best > SONAR_MAX_CM) {
        return -1.0;
    }
    return best > SONAR_MIN_CM ? best : SONAR_MIN_CM;
}

// RobotLink.sonar_cm + RobotSim.sonar_mm + the echo of inputs.trigger_changed, at time `now`
static void sonar_echo(officina_robot_t *r, int i, int64_t now) {
    officina_sonar_t *so = &r->sonars[i];
    int64_t k = now / r->step_us;
    int64_t capped = k < r->end_step ? k : r->end_step;
    if (r->floor_step < capped) {
        r->floor_step = capped;
    }
    int64_t before = r->nstates;
    const double *st = ensure(r, k);
    double cm = sonar_cast(r, so, st);
    double reading = -1.0;
    if (cm >= 0.0) {
        const double *table = BLOB(r, off_noise, double);
        cm += r->sonar_noise * table[(k * STEP_STRIDE + (SONAR_CHANNEL + i) * CHANNEL_STRIDE) & NOISE_MASK];
        int64_t mm = (int64_t)nearbyint((cm > SONAR_MIN_CM ? cm : SONAR_MIN_CM) * 10);
        reading = (double)mm / 10;
    }
    add_charge(r, (r->nstates - before + 4) * r->step_fuel);  // a ray cast costs a few steps
    int64_t width = (reading <= 0 || reading > SONAR_MAX_CM) ? NO_ECHO_US : (int64_t)(reading * 58);
    so->echo_a = now + ECHO_DELAY_US;
    so->echo_b = so->echo_a + width;
}

// machine.pin_write on a sonar's trigger (an output): the level, its event, the echo it starts
static int pin_write(officina_robot_t *r, officina_robot_label_t *lab, int32_t v, int64_t now) {
    officina_sonar_t *so = &r->sonars[lab->index];
    v = v ? 1 : 0;
    if (so->latch == v) {
        return 1;
    }
    if (r->nevents >= OFFICINA_EVENTS) {
        return 0;  // the host takes the events first
    }
    so->latch = v;
    officina_event_t *e = &r->events[r->nevents++];
    e->t = now;
    e->label = lab - r->labels;
    e->value = v;
    if (v) {
        so->trig_high = now;
    } else {
        int64_t start = so->trig_high;
        so->trig_high = -1;
        if (start >= 0 && now - start >= 8) {
            sonar_echo(r, (int)lab->index, now);
        }
    }
    return 1;
}

// machine.pulse (time_pulse_us) on a sonar's echo, nothing else due: the result, or 0 when the
// host must answer (no echo yet, or the wait reaches the run's end)
static int pulse(officina_robot_t *r, officina_robot_label_t *lab, int32_t *args, int64_t *now_io,
    int64_t end) {
    const officina_sonar_t *so = &r->sonars[lab->index];
    int64_t a = so->echo_a, b = so->echo_b, now = *now_io;
    if (a < 0) {
        return 0;
    }
    int level = args[0] ? 1 : 0;
    int64_t timeout = args[1] < 0 ? 0 : args[1] > 10000000 ? 10000000 : args[1];
    int64_t nc, wait_end, result;
    // inputs.next_change(level) from now, limit now + timeout
    if (level) {
        nc = (now < b && a <= now + timeout) ? (a > now ? a : now) : -1;
    } else {
        nc = (now < a || now >= b) ? now : (b <= now + timeout ? b : -1);
    }
    if (nc < 0) {
        int cur = a <= now && now < b;
        result = cur == level ? -1 : -2;
        wait_end = now + timeout;
    } else {
        int64_t endt;
        if (!level) {
            endt = (nc < b && a <= nc + timeout) ? (a > nc ? a : nc) : -1;
        } else {
            endt = (nc < a || nc >= b) ? nc : (b <= nc + timeout ? b : -1);
        }
        if (endt < 0) {
            result = -1;
            wait_end = nc + timeout;
        } else {
            result = endt - nc;
            wait_end = endt;
        }
    }
    if (wait_end >= end) {
        return 0;
    }
    if (wait_end > now) {
        *now_io = wait_end;
    }
    r->slept = 1;
    args[0] = (int32_t)result;
    return 1;
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
            if (!pin_write(r, lab, a, at)) {
                return 0;
            }
            now = at;
            add_charge(r, r->pin_us * fpu);
            break;
        }
        case 'P': {
            if (!pulse(r, lab, args, &now, end)) {
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
                duty(r, lab->index, a, now);
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
        duty(r, (int)r->comp_arg, r->comp_val, r->now);
    } else if (kind == 'E' && r->comp_arg >= 0 && r->comp_arg < r->nsonar) {
        sonar_echo(r, (int)r->comp_arg, r->comp_val);  // a falling trigger the host saw
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
