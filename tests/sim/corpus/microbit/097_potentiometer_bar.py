# scenario: {"seconds": 1, "devices": [{"type": "potentiometer", "pin": "pin2", "curve": 0.5}]}
# expect: {"stdout": ["511", "2"]}
from microbit import *

value = pin2.read_analog()
print(value)
print(scale(value, from_=(0, 1023), to=(0, 4)))
