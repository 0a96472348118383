# scenario: {"seconds": 2, "devices": [{"type": "button", "pin": "logo", "presses": [[100, 500]]}]}
# expect: {"stdout": ["True", "False"]}
from microbit import *

sleep(300)
print(pin_logo.is_touched())
sleep(700)
print(pin_logo.is_touched())
