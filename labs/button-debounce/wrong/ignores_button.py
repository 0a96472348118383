# Wrong: ignores the button: the LED just toggles every 700 ms.
from machine import Pin
import time
button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(700)
