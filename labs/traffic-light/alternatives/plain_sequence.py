# Correct, another style: no state variable, just the three steps one after the other with on()
# and off(), turning the old light off before the new one goes on.
from machine import Pin
import time

red = Pin(15, Pin.OUT)
yellow = Pin(14, Pin.OUT)
green = Pin(13, Pin.OUT)

while True:
    red.off()
    green.on()
    time.sleep(3)
    green.off()
    yellow.on()
    time.sleep(1)
    yellow.off()
    red.on()
    time.sleep(3)
