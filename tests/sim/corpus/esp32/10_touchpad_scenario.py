# A finger on the touch pad (scenario) lowers the reading and lights the LED.
# seconds: 2
# scenario: {"devices": [{"type": "touch", "pin": 15, "curve": [[0, 700], [999, 700], [1000, 90]]}]}
# event: pin:2 value 0,1
from machine import TouchPad, Pin
import time

pad = TouchPad(Pin(15))
led = Pin(2, Pin.OUT)
while True:
    led.value(1 if pad.read() < 200 else 0)
    time.sleep_ms(100)
