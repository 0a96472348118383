# Alternative (slower, no derivative): a simple three-way decision every cycle - too close to the
# right wall: steer left; too far: steer right; no wall: curve right; wall ahead: spin left.
from machine import Pin, PWM, time_pulse_us
import time

lf, lb = PWM(Pin(8), freq=1000), PWM(Pin(9), freq=1000)
rf, rb = PWM(Pin(10), freq=1000), PWM(Pin(11), freq=1000)
front = (Pin(16, Pin.OUT, value=0), Pin(17, Pin.IN))
side = (Pin(4, Pin.OUT, value=0), Pin(5, Pin.IN))

SPEED = 30000


def motors(left, right):
    lf.duty_u16(max(left, 0))
    lb.duty_u16(max(-left, 0))
    rf.duty_u16(max(right, 0))
    rb.duty_u16(max(-right, 0))


def measure(sensor):
    trig, echo = sensor
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    return 999 if us < 0 else us / 58


opening = False
while True:
    ahead = measure(front)
    time.sleep_ms(10)
    right = measure(side)
    if ahead < 20:
        motors(-SPEED, SPEED)
        time.sleep_ms(150)
    elif right > 40:
        if not opening:                    # the wall just ended: drive past its end first
            motors(SPEED, SPEED)
            time.sleep_ms(700)
            opening = True
        motors(SPEED, SPEED // 4)          # then curve round it
    elif right < 11:
        opening = False
        motors(SPEED * 7 // 10, SPEED)
    elif right > 17:
        opening = False
        motors(SPEED, SPEED * 7 // 10)
    else:
        opening = False
        motors(SPEED, SPEED)
    time.sleep_ms(40)
