// Shared by the robot's C files (not the host's business: modrobot.h is the struct it shares).
#ifndef OFFICINA_ROBOT_INTERNAL_H
#define OFFICINA_ROBOT_INTERNAL_H
#include <stdint.h>

#include "modrobot.h"

// app/sim/robot/physics.py: the noise table's size and strides
#define NOISE_MASK 8191
#define STEP_STRIDE 4099
#define CHANNEL_STRIDE 2053

// fuel the board charges (the host adds it to the budget spent); the guest's own budget check
// (mpconfigvariant.h) sees it at once, as when the host charges in a call
static inline void add_charge(officina_robot_t *r, int64_t fuel) {
    r->charge += fuel;
    officina_budget -= fuel;
}

#define BLOB(r, off, type) ((type *)((char *)(uintptr_t)(r)->blob + (r)->off))

// modrobot_physics.c
double *robot_ensure(officina_robot_t *r, int64_t k);
void robot_readings(officina_robot_t *r, int64_t k);
void robot_duty(officina_robot_t *r, int pin, int64_t d, int64_t now);
// modrobot_sonar.c
void robot_sonar_echo(officina_robot_t *r, int i, int64_t now);
int robot_pin_write(officina_robot_t *r, officina_robot_label_t *lab, int32_t v, int64_t now);
int robot_pulse(officina_robot_t *r, officina_robot_label_t *lab, int32_t *args, int64_t *now_io,
    int64_t end);
#endif
