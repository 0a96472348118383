# Wrong: the sweep is right, but the signal goes to GP16; the servo is on GP15.
from machine import Pin, PWM
import time

servo = PWM(Pin(16))
servo.freq(50)


def angle(deg):
    us = 500 + deg * 2000 // 180
    servo.duty_u16(us * 65535 // 20000)


while True:
    for d in range(0, 181, 10):
        angle(d)
        time.sleep_ms(40)
    for d in range(180, -1, -10):
        angle(d)
        time.sleep_ms(40)
