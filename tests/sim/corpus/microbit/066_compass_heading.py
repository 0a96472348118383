# scenario: {"seconds": 1, "microbit": {"compass": 90}}
# expect: {"stdout": ["90"]}
from microbit import *

compass.calibrate()
print(compass.heading())
