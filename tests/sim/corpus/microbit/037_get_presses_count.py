# scenario: {"seconds": 3, "devices": [{"type": "button", "pin": "button_b", "presses": [[200, 50], [700, 50], [1200, 50]]}]}
# expect: {"stdout": ["3", "0"]}
from microbit import *

sleep(2000)
print(button_b.get_presses())
print(button_b.get_presses())
