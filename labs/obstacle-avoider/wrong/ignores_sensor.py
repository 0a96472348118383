# WRONG (ignores its sensor): drives a wide circle forever. It never hits anything in an open
# room, but it does not explore and never looks where it is going.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
left_fwd.duty_u16(40000)
right_fwd.duty_u16(33000)
while True:
    time.sleep_ms(100)
