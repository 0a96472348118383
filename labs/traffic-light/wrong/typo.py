# Wrong: uses `green` without creating it, so the program stops with a NameError.
from machine import Pin
import time
red = Pin(15, Pin.OUT)
while True:
    red.on()
    time.sleep_ms(3000)
    green.on()
