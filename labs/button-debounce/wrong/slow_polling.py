# Wrong: checks the button only every 400 ms, so the LED changes too late and short presses
# are missed.
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
    time.sleep_ms(400)
