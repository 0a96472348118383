# Alternative (slower but valid): a gentle speed, so each side takes longer; the turn is also
# slower. Times found by trying, at about 11 cm/s.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)

SPEED = 28000
SIDE_MS = 4700
TURN_MS = 940


def motors(left, right):
    left_fwd.duty_u16(max(left, 0))
    left_back.duty_u16(max(-left, 0))
    right_fwd.duty_u16(max(right, 0))
    right_back.duty_u16(max(-right, 0))


for side in range(4):
    motors(SPEED, SPEED)
    time.sleep_ms(SIDE_MS)
    motors(0, 0)
    time.sleep_ms(400)
    motors(-SPEED, SPEED)
    time.sleep_ms(TURN_MS)
    motors(0, 0)
    time.sleep_ms(400)
