# Pico: toggle an LED from a pin interrupt on a button (GP14 to GND).
from machine import Pin
import time

led = Pin(15, Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
button.irq(trigger=Pin.IRQ_FALLING, handler=lambda p: led.toggle())
while True:
    time.sleep_ms(100)
