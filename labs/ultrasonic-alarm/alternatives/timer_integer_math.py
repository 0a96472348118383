# Style: a Timer callback measures 5 times a second and compares microseconds directly
# (20 cm x 58 = 1160 µs), with integer maths only.
from machine import Pin, Timer, time_pulse_us
import time

trig = Pin(3, Pin.OUT, value=0)
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)
LIMIT_US = 20 * 58


def measure(timer):
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    alarm.value(1 if 0 < us < LIMIT_US else 0)


Timer(period=200, mode=Timer.PERIODIC, callback=measure)
