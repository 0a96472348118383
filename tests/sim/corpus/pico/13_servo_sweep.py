# Servo on GP0: sweep between 0 and 180 degrees.
# seconds: 3
# scenario: {"devices": [{"type": "servo", "pin": 0}]}
# event: pwm:0 freq 1907,50
# events-min: pwm:0 duty 3
from machine import Pin, PWM
import time

servo = PWM(Pin(0))
servo.freq(50)

def angle(a):
    us = 500 + a * 2000 // 180
    servo.duty_ns(us * 1000)

while True:
    angle(0)
    time.sleep(1)
    angle(180)
    time.sleep(1)
