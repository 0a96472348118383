# Wrong: reads "every half second" as 500 ms on and 500 ms off, a 1 s period (twice too slow).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(500)
