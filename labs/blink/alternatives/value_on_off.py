# Correct, another style: value(1) / value(0) with time.sleep() in seconds instead of toggle().
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.value(1)
    time.sleep(0.25)
    led.value(0)
    time.sleep(0.25)
