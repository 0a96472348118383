# Alternative (a list of steps and ticks_ms): the square as data - (left, right, milliseconds) -
# played by a loop that watches the clock with ticks_diff instead of one long sleep.
from machine import Pin, PWM
import time

pwm = [PWM(Pin(p), freq=1000) for p in (8, 9, 10, 11)]


def motors(left, right):
    pwm[0].duty_u16(max(left, 0))
    pwm[1].duty_u16(max(-left, 0))
    pwm[2].duty_u16(max(right, 0))
    pwm[3].duty_u16(max(-right, 0))


SIDE = (40000, 40000, 2550)
PAUSE = (0, 0, 300)
TURN = (-40000, 40000, 500)
steps = [SIDE, PAUSE, TURN, PAUSE] * 4

for left, right, ms in steps:
    motors(left, right)
    start = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), start) < ms:
        time.sleep_ms(10)
motors(0, 0)
