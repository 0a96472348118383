# WRONG (hard-coded timing): the zigzag maze driven from memory - forward, right turn, forward...
# with times found by trial on that maze. Never measures anything.
from machine import Pin, PWM
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)


def motors(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


RIGHT, LEFT = (36000, -36000), (-36000, 36000)
STEPS = [(5000, (36000, 36000)), (560, RIGHT), (2500, (36000, 36000)), (560, RIGHT),
         (5000, (36000, 36000)), (560, LEFT), (2500, (36000, 36000)), (560, LEFT),
         (5000, (36000, 36000)), (560, RIGHT), (2500, (36000, 36000)), (560, RIGHT),
         (6000, (36000, 36000))]
for ms, (left, right) in STEPS:
    motors(left, right)
    time.sleep_ms(ms)
motors(0, 0)
