# scenario: {"seconds": 1.5, "devices": [{"type": "button", "pin": "button_a", "presses": [[200, 100], [600, 100]]}]}
# expect: {"events": [["display", "text", "1"], ["display", "text", "2"]], "outcome": "time"}
from microbit import *

count = 0
while True:
    if button_a.was_pressed():
        count += 1
        display.show(count)
    sleep(50)
