# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "button_a", "presses": [[500, 300]]}, {"type": "button", "pin": "button_b", "presses": [[550, 300]]}]}
# expect: {"stdout": ["both"]}
from microbit import *

while True:
    if button_a.is_pressed() and button_b.is_pressed():
        print('both')
        break
    sleep(20)
