# WRONG (hard-coded timing, no loop): one long list of sleeps copied from a run - and the third
# side was copied with the wrong time, so the square does not close.
from machine import Pin, PWM
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)


def motors(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


for ms, left, right in ((2550, 40000, 40000), (500, -40000, 40000), (2550, 40000, 40000),
                        (500, -40000, 40000), (1250, 40000, 40000), (500, -40000, 40000),
                        (2550, 40000, 40000), (500, -40000, 40000)):
    motors(left, right)
    time.sleep_ms(ms)
    motors(0, 0)
    time.sleep_ms(300)
