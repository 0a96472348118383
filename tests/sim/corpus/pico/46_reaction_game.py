# Reaction game: the LED lights after a random wait, the button press time is printed.
# seconds: 5
# scenario: {"devices": [{"type": "button", "pin": 14, "presses": [[3500, 100]]}]}
# stdout-has: ms
import time, random
from machine import Pin

led = Pin(15, Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
time.sleep(random.uniform(1, 3))
led.on()
start = time.ticks_ms()
while button.value() == 1:
    pass
print(time.ticks_diff(time.ticks_ms(), start), "ms")
led.off()
