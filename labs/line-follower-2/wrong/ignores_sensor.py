# WRONG (ignores its sensors): reads both sensors but never uses them - it just drives a gentle
# left curve about the size of the oval's bends and hopes the line is there.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
sensor_left = Pin(26, Pin.IN)
sensor_right = Pin(28, Pin.IN)

while True:
    seen = (sensor_left.value(), sensor_right.value())   # read, then ignored
    left_fwd.duty_u16(36000)
    right_fwd.duty_u16(42000)
    time.sleep_ms(10)
