# WRONG (ignores its sensors): reads the three sensors, then steers with a fixed, made-up error
# that changes smoothly over time - many steering levels, but nothing to do with the line.
from machine import Pin, PWM, ADC
import time
import math

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
eyes = [ADC(26), ADC(27), ADC(28)]

t = 0
while True:
    values = [e.read_u16() for e in eyes]     # read, never used
    error = 0.3 * math.sin(t / 100)
    left_fwd.duty_u16(int(40000 + 26000 * error))
    right_fwd.duty_u16(int(40000 - 26000 * error))
    t += 1
    time.sleep_ms(10)
