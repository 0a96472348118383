# Tuned by the clock for the oval: straight, then a timed curve. No sensors.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)

left_fwd.duty_u16(42000)
right_fwd.duty_u16(42000)
time.sleep_ms(2700)
left_fwd.duty_u16(30000)
time.sleep_ms(9000)
left_fwd.duty_u16(42000)
time.sleep_ms(60000)
