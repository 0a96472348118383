# Wrong: calls pwm.duty(), which the Pico's PWM does not have (it is duty_u16), so it stops with an AttributeError.
from machine import Pin, PWM
import time
pwm = PWM(Pin(15), freq=1000)
while True:
    for d in range(0, 65536, 2048):
        pwm.duty(d)
        time.sleep_ms(20)
