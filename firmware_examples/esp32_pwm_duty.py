# ESP32: fade an LED with the legacy 10-bit duty() API.
from machine import Pin, PWM
import time

pwm = PWM(Pin(4), freq=5000)
for d in list(range(0, 1024, 64)) + list(range(1023, -1, -64)):
    pwm.duty(d)
    time.sleep_ms(30)
pwm.deinit()
