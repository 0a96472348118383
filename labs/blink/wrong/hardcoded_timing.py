# Wrong: hard-codes the length of the public test: 20 changes of 250 ms fill exactly 5 s, then the
# LED stops (it must blink forever; the hidden test lasts longer).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
for _ in range(20):
    led.toggle()
    time.sleep_ms(250)
