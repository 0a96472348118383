# Alternative (non-blocking, ticks_ms): the sensor is read every 60 ms by the clock, and the
# turn lasts until the way is clear plus a fixed extra time measured with ticks_diff.
from machine import Pin, PWM, time_pulse_us
import time

pins = {name: PWM(Pin(n), freq=1000) for name, n in (("lf", 8), ("lb", 9), ("rf", 10), ("rb", 11))}
trig = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)


def drive(left, right):
    pins["lf"].duty_u16(max(left, 0))
    pins["lb"].duty_u16(max(-left, 0))
    pins["rf"].duty_u16(max(right, 0))
    pins["rb"].duty_u16(max(-right, 0))


def distance():
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    return 500 if us < 0 else us / 58


turning_until = None
clear_since = None
last_ping = time.ticks_ms()
drive(42000, 42000)
while True:
    now = time.ticks_ms()
    if time.ticks_diff(now, last_ping) >= 60:
        last_ping = now
        d = distance()
        if turning_until is None and d < 35:
            drive(-36000, 36000)
            turning_until = 0
            clear_since = None
        elif turning_until == 0 and d > 75:
            turning_until = time.ticks_add(now, 300)
    if turning_until and time.ticks_diff(now, turning_until) >= 0:
        turning_until = None
        drive(42000, 42000)
    time.sleep_ms(5)
