# scenario: {"seconds": 2, "microbit": {"gestures": [[300, "shake"], [1000, "face down"]]}}
# expect: {"stdout": ["('shake', 'face down')", "()"]}
from microbit import *

sleep(1500)
print(accelerometer.get_gestures())
print(accelerometer.get_gestures())
