# Count presses with an interrupt on the falling edge.
# seconds: 3
# scenario: {"devices": [{"type": "button", "pin": 14, "presses": [[300, 100], [900, 100], [1500, 100]]}]}
# stdout: premuto 1
# stdout: premuto 2
# stdout: premuto 3
from machine import Pin
import time

count = 0

def pressed(pin):
    global count
    count += 1
    print("premuto", count)

button = Pin(14, Pin.IN, Pin.PULL_UP)
button.irq(trigger=Pin.IRQ_FALLING, handler=pressed)
while True:
    time.sleep(1)
