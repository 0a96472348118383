# Wrong: jumps straight between off and full brightness, with no fade in between.
from machine import Pin, PWM
import time
pwm = PWM(Pin(15), freq=1000)
while True:
    pwm.duty_u16(65535)
    time.sleep_ms(300)
    pwm.duty_u16(0)
    time.sleep_ms(300)
