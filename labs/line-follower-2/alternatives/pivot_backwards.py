# Alternative (sharper turns): instead of stopping the inner wheel, run it slowly backwards, so
# the robot pivots around the line on tight bends. Helper functions, values read once per loop.
from machine import Pin, PWM
import time

motor_pins = [PWM(Pin(p), freq=1000) for p in (8, 9, 10, 11)]
eyes = (Pin(26, Pin.IN), Pin(28, Pin.IN))

FORWARD = 36000
BACK = 18000


def set_motor(fwd, back, power):
    fwd.duty_u16(power if power > 0 else 0)
    back.duty_u16(-power if power < 0 else 0)


def drive(left, right):
    set_motor(motor_pins[0], motor_pins[1], left)
    set_motor(motor_pins[2], motor_pins[3], right)


def seen():
    return eyes[0].value(), eyes[1].value()


while True:
    left_dark, right_dark = seen()
    if left_dark and not right_dark:
        drive(-BACK, FORWARD)
    elif right_dark and not left_dark:
        drive(FORWARD, -BACK)
    else:
        drive(FORWARD, FORWARD)
    time.sleep_ms(10)
