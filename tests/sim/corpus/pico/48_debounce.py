# Software debounce of a bouncing button: one count per press.
# seconds: 3
# scenario: {"devices": [{"type": "button", "pin": 14, "bounce": true, "presses": [[500, 300], [1500, 300]]}]}
# stdout: 1
# stdout: 2
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
count = 0
last = 1
while True:
    now = button.value()
    if now != last:
        time.sleep_ms(20)
        now = button.value()
        if now == 0 and last == 1:
            count += 1
            print(count)
        last = now
    time.sleep_ms(1)
