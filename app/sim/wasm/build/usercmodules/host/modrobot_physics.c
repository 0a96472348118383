// The robot's physics inside the interpreter: a port of app/sim/robot/physics.py
// (RobotSim.ensure, _targets, command), sensors.body_blocked and spot_covers (the line readings of
// line_and_bumpers) and protocol.RobotLink.pwm, with Python's floor division where the Python
// code divides. modrobot.c serves the guest's ops with it; the tests hold it to the Python robot.

#include <math.h>
#include <stdint.h>

#include "robot_internal.h"

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
double *robot_ensure(officina_robot_t *r, int64_t k) {
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
    }
    return states + 6 * k;
}

// sensors.spot_covers + the readings of line_and_bumpers (line sensors only)
void robot_readings(officina_robot_t *r, int64_t k) {
    const double *st = (k >= 0 && k < r->nstates) ? BLOB(r, off_states, double) + 6 * k : robot_ensure(r, k);
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
void robot_duty(officina_robot_t *r, int pin, int64_t d, int64_t now) {
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
