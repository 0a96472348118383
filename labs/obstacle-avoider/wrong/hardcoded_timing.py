# WRONG (hard-coded timing): a route timed by trial on the "Boxes" room - forward, turn, forward...
# - without ever measuring the distance. Any other room and it crashes.
from machine import Pin, PWM
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)


def motors(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


ROUTE = [(2500, 40000, 40000), (500, -40000, 40000), (3000, 40000, 40000),
         (500, -40000, 40000), (2500, 40000, 40000), (500, -40000, 40000)]
while True:
    for ms, left, right in ROUTE:
        motors(left, right)
        time.sleep_ms(ms)
