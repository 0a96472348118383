# Wrong: misspells toggle() as toggel(), so the program stops with an AttributeError.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggel()
    time.sleep_ms(250)
