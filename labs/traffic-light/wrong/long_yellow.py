# Wrong: the yellow light stays on 2 s instead of 1 s.
from machine import Pin
import time
red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)
while True:
    red.off(); green.on(); time.sleep_ms(3000)
    green.off(); yellow.on(); time.sleep_ms(2000)
    yellow.off(); red.on(); time.sleep_ms(3000)
