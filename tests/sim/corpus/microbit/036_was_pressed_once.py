# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "button_a", "presses": [[300, 100]]}]}
# expect: {"stdout": ["True False"]}
from microbit import *

sleep(1000)
print(button_a.was_pressed(), button_a.was_pressed())
