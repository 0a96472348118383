# Wrong: uses pulses from 1 ms to 2 ms (a common textbook range), but this servo needs 0.5 ms for 0°
# and 2.5 ms for 180°, so it only turns from 45° to 135°.
from machine import Pin, PWM
import time

servo = PWM(Pin(15))
servo.freq(50)


def angle(deg):
    us = 1000 + deg * 1000 // 180
    servo.duty_u16(us * 65535 // 20000)


while True:
    for d in range(0, 181, 10):
        angle(d)
        time.sleep_ms(40)
    for d in range(180, -1, -10):
        angle(d)
        time.sleep_ms(40)
