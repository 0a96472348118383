# Wrong: sends nine dots (SSS), with no dashes for the O and no pauses between letters.
from machine import Pin
import time
led = Pin("LED", Pin.OUT)
while True:
    for _ in range(9):
        led.on()
        time.sleep_ms(200)
        led.off()
        time.sleep_ms(200)
    time.sleep_ms(1400)
