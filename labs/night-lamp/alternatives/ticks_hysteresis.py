# Style: ticks_ms scheduling and a small hysteresis (on under 29 %, off over 31 %) so the lamp
# does not flicker right at the threshold.
from machine import Pin, ADC
import time

sensor = ADC(27)
led = Pin(15, Pin.OUT)
ON_BELOW = 19005
OFF_ABOVE = 20315
next_check = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_check) >= 0:
        light = sensor.read_u16()
        if light < ON_BELOW:
            led.value(1)
        elif light > OFF_ABOVE:
            led.value(0)
        next_check = time.ticks_add(next_check, 100)
    time.sleep_ms(10)
