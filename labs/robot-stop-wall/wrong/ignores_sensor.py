# WRONG (ignores its sensor while driving): measures the distance once before starting and then
# waits for that old value to change - it never does, so the robot never stops.
from machine import Pin, PWM, time_pulse_us
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
trigger = Pin(16, Pin.OUT, value=0)
echo = Pin(17, Pin.IN)


def distance_cm():
    trigger.value(1)
    time.sleep_us(10)
    trigger.value(0)
    us = time_pulse_us(echo, 1, 30000)
    return 999 if us < 0 else us / 58


d = distance_cm()
left_fwd.duty_u16(40000)
right_fwd.duty_u16(40000)
while d > 15:
    time.sleep_ms(60)
left_fwd.duty_u16(0)
right_fwd.duty_u16(0)
