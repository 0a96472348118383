# Wrong: reads the level, not the press edge: while the button is held it toggles every 50 ms
# (the "debounce" that only waits after each toggle).
from machine import Pin
import time
button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while True:
    if button.value() == 0:
        led.toggle()
        time.sleep_ms(50)
    time.sleep_ms(5)
