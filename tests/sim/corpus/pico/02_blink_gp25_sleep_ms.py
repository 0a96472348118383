# Blink the LED on GP25 with value() and sleep_ms.
# seconds: 1
# events-min: pin:25 value 8
from machine import Pin
from time import sleep_ms

led = Pin(25, Pin.OUT)
while True:
    led.value(1)
    sleep_ms(50)
    led.value(0)
    sleep_ms(50)
