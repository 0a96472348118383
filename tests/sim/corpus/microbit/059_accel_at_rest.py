# scenario: {"seconds": 3}
# expect: {"stdout": ["(0, 0, -1024)", "face up"]}
from microbit import *

print(accelerometer.get_values())
print(accelerometer.current_gesture())
