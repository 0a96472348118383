# Wrong: dots and dashes are right, but every pause is 200 ms, so the letters run together
# (no 600 ms pause between S and O).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    for ms in (200, 200, 200, 600, 600, 600, 200, 200, 200):
        led.on()
        time.sleep_ms(ms)
        led.off()
        time.sleep_ms(200)
    time.sleep_ms(1200)
