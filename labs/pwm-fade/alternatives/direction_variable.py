# Correct, another style: one loop with a brightness and a direction (+1 or -1) that flips at
# either end, instead of two for loops.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15))
pwm.freq(1000)
level = 0
direction = 1
while True:
    pwm.duty_u16(level)
    time.sleep_ms(25)
    level += direction * 2500
    if level >= 65535:
        level, direction = 65535, -1
    elif level <= 0:
        level, direction = 0, 1
