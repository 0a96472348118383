# scenario: {"seconds": 1, "microbit": {"gestures": [[500, "left"]]}}
# expect: {"stdout": ["True", "True"]}
from microbit import *

print(accelerometer.is_gesture('face up'))
sleep(700)
print(accelerometer.is_gesture('left'))
