# Wrong: fades up smoothly, then snaps off in one go instead of fading down again.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000)
while True:
    for d in range(0, 65536, 2048):
        pwm.duty_u16(d)
        time.sleep_ms(20)
    pwm.duty_u16(0)
    time.sleep_ms(300)
