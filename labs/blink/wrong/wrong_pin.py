# Wrong: blinks GP15 (an external LED) instead of the LED on the board.
from machine import Pin
import time

led = Pin(15, Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(250)
