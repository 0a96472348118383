# Alternative (slower but valid): the same on/off follower at a gentle speed, as the hint suggests
# when the robot loses the line. Slower wheels = more time to react on tight bends.
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
sensor_left = Pin(26, Pin.IN)
sensor_right = Pin(28, Pin.IN)

SLOW = 28000   # about 12 cm/s


def drive(left, right):
    left_fwd.duty_u16(left)
    right_fwd.duty_u16(right)


while True:
    l = sensor_left.value()
    r = sensor_right.value()
    if l and not r:
        drive(0, SLOW)
    elif r and not l:
        drive(SLOW, 0)
    else:
        drive(SLOW, SLOW)
    time.sleep_ms(10)
