# Correct, another style: schedules each change with time.ticks_ms() and busy-waits without ever
# sleeping (wasteful, but a real board blinks exactly like this).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
next_change = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_change) >= 0:
        led.toggle()
        next_change = time.ticks_add(next_change, 250)
