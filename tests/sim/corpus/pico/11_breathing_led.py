# A breathing LED: the duty rises and falls, sleeping 100 us a step; runs until the scenario ends.
# seconds: 5
# outcome: time
# events-min: pwm:15 duty 1000
from machine import Pin, PWM
import time

led = PWM(Pin(15))
led.freq(1000)
while True:
    for duty in range(0, 65536, 256):
        led.duty_u16(duty)
        time.sleep_us(100)
    for duty in range(65535, -1, -256):
        led.duty_u16(duty)
        time.sleep_us(100)
