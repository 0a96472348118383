# ESP32 DevKit: blink the onboard LED on GPIO2.
from machine import Pin
import time

led = Pin(2, Pin.OUT)
while True:
    led.value(not led.value())
    time.sleep_ms(500)
