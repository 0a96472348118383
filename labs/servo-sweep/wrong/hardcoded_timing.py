# Wrong: hard-codes the length of the public test: four sweeps (about 6 s) fill the test you see,
# then the servo stops (it must keep sweeping; the hidden test lasts longer).
from machine import Pin, PWM
import time

servo = PWM(Pin(15))
servo.freq(50)


def angle(deg):
    us = 500 + deg * 2000 // 180
    servo.duty_u16(us * 65535 // 20000)


for _ in range(4):
    for d in range(0, 181, 10):
        angle(d)
        time.sleep_ms(40)
    for d in range(180, -1, -10):
        angle(d)
        time.sleep_ms(40)
