# scenario: {"seconds": 1, "microbit": {"accelerometer": {"x": 100, "y": -200, "z": -980}}}
# expect: {"stdout": ["(100, -200, -980)", "100 -200 -980"]}
from microbit import *

print(accelerometer.get_values())
print(accelerometer.get_x(), accelerometer.get_y(), accelerometer.get_z())
