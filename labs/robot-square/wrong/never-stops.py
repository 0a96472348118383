# WRONG: `while True` instead of four sides - the robot drives the square forever.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)

SPEED = 40000        # about 20 cm/s
SIDE_MS = 2550       # 50 cm at 20 cm/s, plus the time the motors need to spin up
TURN_MS = 500        # a quarter turn on the spot


def motors(left, right):
    # positive = forward, negative = backward
    left_fwd.duty_u16(max(left, 0))
    left_back.duty_u16(max(-left, 0))
    right_fwd.duty_u16(max(right, 0))
    right_back.duty_u16(max(-right, 0))


while True:
    motors(SPEED, SPEED)
    time.sleep_ms(SIDE_MS)
    motors(0, 0)
    time.sleep_ms(300)
    motors(-SPEED, SPEED)    # left wheel back, right wheel forward: turn left
    time.sleep_ms(TURN_MS)
    motors(0, 0)
    time.sleep_ms(300)
