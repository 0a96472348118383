# WRONG (ignores its sensor): spins in a tight circle. Drives more than 3 metres without hitting
# anything, but stays in one spot.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
left_fwd.duty_u16(44000)
right_fwd.duty_u16(24000)
while True:
    time.sleep_ms(100)
