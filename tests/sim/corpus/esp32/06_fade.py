# Fade an LED up and down with duty().
# seconds: 3
# outcome: time
# events-min: pwm:18 duty 50
from machine import Pin, PWM
import time

led = PWM(Pin(18), freq=1000)
while True:
    for d in range(0, 1024, 16):
        led.duty(d)
        time.sleep_ms(5)
    for d in range(1023, -1, -16):
        led.duty(d)
        time.sleep_ms(5)
