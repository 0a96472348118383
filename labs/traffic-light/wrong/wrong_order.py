# Wrong: goes green -> red -> yellow (yellow must come between green and red).
from machine import Pin
import time

red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)
while True:
    yellow.off()
    green.on()
    time.sleep_ms(3000)
    green.off()
    red.on()
    time.sleep_ms(3000)
    red.off()
    yellow.on()
    time.sleep_ms(1000)
