# Wrong: hard-codes the length of the public test: four fades up and down (about 5 s) fit the 6 s
# you see, then the LED stays dark (it must fade forever; the hidden test lasts longer).
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000)
for _ in range(4):
    for d in range(0, 65536, 2048):
        pwm.duty_u16(d)
        time.sleep_ms(20)
    for d in range(65535, -1, -2048):
        pwm.duty_u16(d)
        time.sleep_ms(20)
