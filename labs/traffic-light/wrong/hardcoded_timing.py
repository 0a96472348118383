# Wrong: hard-codes the length of the public test: three cycles (21 s) cover the 16 s you see,
# then the light stays red (it must keep cycling; the hidden test lasts longer).
from machine import Pin
import time

red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)
for _ in range(3):
    red.off()
    green.on()
    time.sleep_ms(3000)
    green.off()
    yellow.on()
    time.sleep_ms(1000)
    yellow.off()
    red.on()
    time.sleep_ms(3000)
