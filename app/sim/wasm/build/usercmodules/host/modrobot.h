// The robot in the interpreter (modrobot.c): the struct the host writes and reads through the
// guest's memory (app/sim/robot/crobot.py mirrors its layout: int64 slots, then doubles, then the
// labels and the cached readings).
#ifndef OFFICINA_MODROBOT_H
#define OFFICINA_MODROBOT_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int32_t len;
    int32_t kind;   // 'A', 'R' (line sensor), 'D' (motor pin), 'W' (sonar trigger), 'P' (sonar echo)
    int32_t index;
    int32_t pre;    // calibrated: guest fuel from host.call's entry to the import, in a real call
    int32_t total;  // ... and to its return
    int32_t pad;
    char label[8];
} officina_robot_label_t;  // 32 bytes

#define OFFICINA_ROBOT_LABELS 16
#define OFFICINA_SONARS 4
#define OFFICINA_EVENTS 64

typedef struct {
    int64_t latch;      // the trigger pin's output level
    int64_t trig_high;  // when the trigger went high (-1: it is low)
    int64_t echo_a;     // the echo pulse [echo_a, echo_b) (-1: no echo yet)
    int64_t echo_b;
    double sx, sy, fan[5];  // the sensor in the robot's frame, its five rays from the heading
} officina_sonar_t;  // 88 bytes

typedef struct {
    int64_t t, label, value;  // a trigger pin's "value" event: time, label slot, level
} officina_event_t;  // 24 bytes

typedef struct {
    int64_t enabled, now, carry, last_count, end_us, serve, charge, served;      // 0..7
    int64_t slept, step_us, end_step, nstates, goal_step, stop_after, floor_step; // 8..14
    int64_t cached_step, ncmd[2], power[2], duty[4], motor_of[4], sign_of[4];     // 15..31
    int64_t comp_kind, comp_arg, comp_val, mask, dark, nline, adc_us, pin_us;     // 32..39
    int64_t fpu, goal_kind, nlabels, sg_cols, sg_rows, og_cols, og_rows;          // 40..46
    int64_t wg_cols, wg_rows, blob, blob_size, reserved51;                        // 47..51
    int64_t cal_S_pre, cal_S_total, cal_s_pre, cal_s_total;                       // 52..55
    int64_t off_noise, off_states, off_csteps, off_cvals, off_sens;               // 56..60
    int64_t off_sgcells, off_sgsegs, off_wgcells, off_wgsegs, cmd_cap;            // 61..65
    int64_t cal_m_pre, cal_m_total, tick_us, step_fuel, threshold, reserved;      // 66..71
    double dt, alpha, jitter, track, radius, top, db, gain[2], amp;               // 72..81
    double gx, gy, gr, rx0, ry0, rx1, ry1;                                        // 82..88
    double sg_x0, sg_y0, sg_cell, og_cell, wg_cell, light, span, spot;            // 89..96
    double dpad[7];                                                               // 97..103
    officina_robot_label_t labels[OFFICINA_ROBOT_LABELS];                         // 832
    int32_t cached[8];                                                            // 1344
    int64_t nsonar, nevents, has_border, off_rin, n_rin, off_rall, n_rall, rpad;  // 1376
    double width, height, sonar_noise, dpad2;                                     // 1440
    officina_sonar_t sonars[OFFICINA_SONARS];                                     // 1472
    officina_event_t events[OFFICINA_EVENTS];                                     // 1824
} officina_robot_t;  // 3360 bytes

extern officina_robot_t officina_robot;
extern int64_t officina_budget;  // modhost.c: the budget left for the guest's instructions
int64_t officina_robot_serve(char k, const char *payload, size_t len, int32_t *args, int64_t f_entry);
void officina_robot_complete(int32_t *args);
void officina_robot_calibrate(char k, const char *payload, size_t len, int64_t pre, int64_t total);
#endif
