# Wrong: the dashes last 400 ms, which is neither a dot (200 ms) nor a dash (600 ms).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)


def letter(ms):
    for i in range(3):
        led.on()
        time.sleep_ms(ms)
        led.off()
        time.sleep_ms(200 if i < 2 else 600)


while True:
    letter(200)
    letter(400)
    letter(200)
    time.sleep_ms(800)
