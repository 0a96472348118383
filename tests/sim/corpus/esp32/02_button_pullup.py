# Button on GPIO 4 with the internal pull-up; the LED on GPIO 2 follows it.
# seconds: 2
# scenario: {"devices": [{"type": "button", "pin": 4, "presses": [[400, 400]]}]}
# event: pin:2 value 0,1,0
from machine import Pin
import time

button = Pin(4, Pin.IN, Pin.PULL_UP)
led = Pin(2, Pin.OUT)
while True:
    led.value(0 if button.value() else 1)
    time.sleep_ms(20)
