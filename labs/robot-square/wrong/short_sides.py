# WRONG: the side time is worked out for 30 cm/s (a different robot's speed), so each side is
# only about 35 cm - a small square.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)


def motors(left, right):
    left_fwd.duty_u16(max(left, 0))
    left_back.duty_u16(max(-left, 0))
    right_fwd.duty_u16(max(right, 0))
    right_back.duty_u16(max(-right, 0))


for side in range(4):
    motors(40000, 40000)
    time.sleep_ms(1700)
    motors(0, 0)
    time.sleep_ms(300)
    motors(-40000, 40000)
    time.sleep_ms(500)
    motors(0, 0)
    time.sleep_ms(300)
