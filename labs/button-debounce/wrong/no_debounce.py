# Wrong: detects the falling edge but never waits, so it reads the bounces (several toggles
# per press).
from machine import Pin
import time
button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
last = 1
while True:
    now = button.value()
    if last == 1 and now == 0:
        led.toggle()
    last = now
    time.sleep_ms(1)
