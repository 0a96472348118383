# Wrong: the period is right (500 ms) but the LED is on 480 ms and off only 20 ms.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.on()
    time.sleep_ms(480)
    led.off()
    time.sleep_ms(20)
