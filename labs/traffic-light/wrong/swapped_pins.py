# Wrong: swaps the red and green pins (red on GP13, green on GP15), so the real light runs
# red -> yellow -> green, the wrong way round.
from machine import Pin
import time

red, yellow, green = Pin(13, Pin.OUT), Pin(14, Pin.OUT), Pin(15, Pin.OUT)
while True:
    red.off()
    green.on()
    time.sleep_ms(3000)
    green.off()
    yellow.on()
    time.sleep_ms(1000)
    yellow.off()
    red.on()
    time.sleep_ms(3000)
