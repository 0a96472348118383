# Lesson 1: blink the Pico's onboard LED twice a second.
# seconds: 2
# event: pin:LED value 1,0,1,0
# api-clean
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    time.sleep(0.25)
