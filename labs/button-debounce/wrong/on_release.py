# Wrong: acts on the release edge: it waits for the button to be let go, then toggles.
from machine import Pin
import time
button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while True:
    if button.value() == 0:
        time.sleep_ms(50)
        while button.value() == 0:
            time.sleep_ms(5)
        led.toggle()
        time.sleep_ms(50)
    time.sleep_ms(5)
