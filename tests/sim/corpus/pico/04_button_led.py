# A push button on GP14 (to GND, internal pull-up) lights the LED on GP15 while held.
# seconds: 2
# scenario: {"devices": [{"type": "button", "pin": 14, "presses": [[500, 300]]}]}
# event: pin:15 value 0,1,0
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while True:
    led.value(not button.value())
    time.sleep_ms(10)
