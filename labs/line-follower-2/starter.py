# Segui-linea con due sensori IR ai lati della linea (robot Maker Pi RP2040).
# Line follower with two IR sensors straddling the line (Maker Pi RP2040 robot).
from machine import Pin, PWM
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
sensor_left = Pin(26, Pin.IN)   # 1 = linea scura sotto il sensore / dark line under the sensor
sensor_right = Pin(28, Pin.IN)

FAST = 42000
STOP = 0


def drive(left, right):
    left_fwd.duty_u16(left)
    right_fwd.duty_u16(right)


while True:
    on_left = sensor_left.value()
    on_right = sensor_right.value()
    # DA FARE: decidi come guidare in base alle due letture
    # TODO: decide how to drive from the two readings
    time.sleep_ms(10)
