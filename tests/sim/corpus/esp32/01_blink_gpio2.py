# Blink the DevKit's onboard LED on GPIO 2.
# seconds: 2
# event: pin:2 value 1,0,1,0
# api-clean
from machine import Pin
from time import sleep

led = Pin(2, Pin.OUT)
while True:
    led.value(not led.value())
    sleep(0.5)
