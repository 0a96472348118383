# Wrong: a typo in a name (buton), so the program stops with a NameError.
from machine import Pin
import time
button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while True:
    if buton.value() == 0:
        led.toggle()
    time.sleep_ms(5)
