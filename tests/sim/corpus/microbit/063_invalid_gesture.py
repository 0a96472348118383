# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

accelerometer.was_gesture('jump')
