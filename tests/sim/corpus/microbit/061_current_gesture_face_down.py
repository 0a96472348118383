# scenario: {"seconds": 1, "microbit": {"gestures": [[500, "face down"]]}}
# expect: {"stdout": ["face down", "True"]}
from microbit import *

sleep(600)
print(accelerometer.current_gesture())
print(accelerometer.get_z() > 0)
