# WRONG (ignores its side sensor): only looks ahead - drives straight and turns left at every
# wall. Without the right-hand wall it wanders round the first room and never finds the exit.
from machine import Pin, PWM, time_pulse_us
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)
trig, echo = Pin(16, Pin.OUT, value=0), Pin(17, Pin.IN)


def motors(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


def ahead_cm():
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    return 999 if us < 0 else us / 58


while True:
    if ahead_cm() < 20:
        motors(-36000, 36000)
        time.sleep_ms(560)
    motors(36000, 36000)
    time.sleep_ms(50)
