# Wrong: fades only up to half brightness (32768), never to full.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000)
while True:
    for d in range(0, 32769, 1024):
        pwm.duty_u16(d)
        time.sleep_ms(20)
    for d in range(32768, -1, -1024):
        pwm.duty_u16(d)
        time.sleep_ms(20)
