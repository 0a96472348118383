# Alternative (slower, as the hint says when the robot loses the line): lower base speed and a
# gentler gain; the error is computed with integers only.
from machine import Pin, PWM, ADC
import time

left_fwd = PWM(Pin(8), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
PWM(Pin(9), freq=1000).duty_u16(0)
PWM(Pin(11), freq=1000).duty_u16(0)
eyes = [ADC(26), ADC(27), ADC(28)]

BASE = 28000
GAIN = 20000
last = 0


def clamp(v):
    return 0 if v < 0 else 65535 if v > 65535 else v


while True:
    l, c, r = [e.read_u16() for e in eyes]
    total = l + c + r
    if total > 25000:
        err_milli = (r - l) * 1000 // total       # -1000 .. 1000
        last = err_milli
    else:
        err_milli = last * 3 // 2
    steer = GAIN * err_milli // 1000
    left_fwd.duty_u16(clamp(BASE + steer))
    right_fwd.duty_u16(clamp(BASE - steer))
    time.sleep_ms(10)
