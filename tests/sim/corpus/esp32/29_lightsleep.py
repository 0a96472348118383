# lightsleep pauses like sleep: a slow blink.
# seconds: 3
# events-min: pin:2 value 2
import machine
from machine import Pin

led = Pin(2, Pin.OUT)
while True:
    led.value(not led.value())
    machine.lightsleep(1000)
