# scenario: {"seconds": 3}
# expect: {"stdout": ["False", "True True"]}
from microbit import *

print(compass.is_calibrated())
compass.calibrate()
print(compass.is_calibrated(), running_time() < 50)
