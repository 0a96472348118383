# WRONG: turns away from the side where the line is (left and right swapped).
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
sensor_left = Pin(26, Pin.IN)   # 1 = dark line under the sensor
sensor_right = Pin(28, Pin.IN)

FAST = 42000
STOP = 0


def drive(left, right):
    left_fwd.duty_u16(left)
    right_fwd.duty_u16(right)


while True:
    on_left = sensor_left.value()
    on_right = sensor_right.value()
    if on_left and not on_right:
        drive(FAST, STOP)
    elif on_right and not on_left:
        drive(STOP, FAST)
    else:
        drive(FAST, FAST)      # line between the sensors: straight on
    time.sleep_ms(10)
