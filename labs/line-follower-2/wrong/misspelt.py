# WRONG (typo): sensor_rigth instead of sensor_right - NameError in the loop.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
sensor_left = Pin(26, Pin.IN)
sensor_right = Pin(28, Pin.IN)

left_fwd.duty_u16(42000)
right_fwd.duty_u16(42000)
while True:
    if sensor_left.value() and not sensor_rigth.value():
        left_fwd.duty_u16(0)
    time.sleep_ms(10)
