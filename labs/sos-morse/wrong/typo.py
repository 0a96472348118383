# Wrong: misspells off() as of(), so the program stops with an AttributeError.
from machine import Pin
import time
led = Pin("LED", Pin.OUT)
while True:
    led.on()
    time.sleep_ms(200)
    led.of()
