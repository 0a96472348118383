# Wrong: toggles every 100 ms, so the LED blinks 2.5 times too fast (period 200 ms, not 500 ms).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(100)
