# Wrong: forgets to turn the green light off, so green and yellow are on together.
from machine import Pin
import time

red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)
while True:
    red.off()
    green.on()
    time.sleep_ms(3000)
    yellow.on()
    time.sleep_ms(1000)
    green.off()
    yellow.off()
    red.on()
    time.sleep_ms(3000)
