# The Pico W's LED is on the radio chip: Pin("LED") drives it.
# seconds: 1
# events-min: pin:LED value 4
# api-clean
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(100)
