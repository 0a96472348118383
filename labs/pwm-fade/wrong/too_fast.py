# Wrong: the steps are small but only 5 ms apart, so each fade lasts 160 ms: a flicker, not a fade.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000)
while True:
    for d in range(0, 65536, 2048):
        pwm.duty_u16(d)
        time.sleep_ms(5)
    for d in range(65535, -1, -2048):
        pwm.duty_u16(d)
        time.sleep_ms(5)
