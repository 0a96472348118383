// The robot's HC-SR04 sonars inside the interpreter: a port of sensors.sonar_cm (the five-ray
// cast), RobotSim.sonar_mm and RobotLink.sonar_cm, and of the trigger and echo of
// app/sim/hal/inputs.py and machine.pin_write/pulse. csonar.py is the host's side.

#include <math.h>
#include <stdint.h>

#include "robot_internal.h"

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
void robot_sonar_echo(officina_robot_t *r, int i, int64_t now) {
    officina_sonar_t *so = &r->sonars[i];
    int64_t k = now / r->step_us;
    int64_t capped = k < r->end_step ? k : r->end_step;
    if (r->floor_step < capped) {
        r->floor_step = capped;
    }
    int64_t before = r->nstates;
    const double *st = robot_ensure(r, k);
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
int robot_pin_write(officina_robot_t *r, officina_robot_label_t *lab, int32_t v, int64_t now) {
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
            robot_sonar_echo(r, (int)lab->index, now);
        }
    }
    return 1;
}

// machine.pulse (time_pulse_us) on a sonar's echo, nothing else due: the result, or 0 when the
// host must answer (no echo yet, or the wait reaches the run's end)
int robot_pulse(officina_robot_t *r, officina_robot_label_t *lab, int32_t *args, int64_t *now_io,
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
