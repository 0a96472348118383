# WRONG: with a wall ahead it turns right (into the wall it follows) instead of left.
from machine import Pin, PWM, time_pulse_us
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
front_trig, front_echo = Pin(16, Pin.OUT, value=0), Pin(17, Pin.IN)
side_trig, side_echo = Pin(4, Pin.OUT, value=0), Pin(5, Pin.IN)

SPEED = 36000
WANT_CM = 14        # distance to keep from the right-hand wall
GAIN = 1800         # steering per cm of error
DAMP = 6000         # steering per cm of change since the last reading
FRONT_CM = 20       # wall ahead: turn left
OPEN_CM = 40        # no wall on the right: turn right around the corner


def motors(left, right):
    left_fwd.duty_u16(max(min(left, 65535), 0))
    left_back.duty_u16(max(min(-left, 65535), 0))
    right_fwd.duty_u16(max(min(right, 65535), 0))
    right_back.duty_u16(max(min(-right, 65535), 0))


def distance_cm(trig, echo):
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        return 999
    return us / 58


last = WANT_CM
while True:
    front = distance_cm(front_trig, front_echo)
    time.sleep_ms(10)
    side = distance_cm(side_trig, side_echo)
    if front < FRONT_CM:
        motors(SPEED, -SPEED)
        time.sleep_ms(120)
        last = WANT_CM
    elif side > OPEN_CM:
        motors(SPEED, SPEED // 4)              # opening on the right: curve into it
        last = WANT_CM
    else:
        error = side - WANT_CM                 # > 0: too far from the wall
        steer = GAIN * error + DAMP * (side - last)
        steer = max(-SPEED // 2, min(SPEED // 2, int(steer)))
        motors(SPEED + steer, SPEED - steer)
        last = side
    time.sleep_ms(40)
