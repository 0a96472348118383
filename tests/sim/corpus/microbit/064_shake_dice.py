# scenario: {"seconds": 3, "microbit": {"gestures": [[500, "shake"], [1500, "shake"]]}}
# expect: {"stdout": ["rolls 2"]}
from microbit import *
import random

rolls = 0
while running_time() < 2500:
    if accelerometer.was_gesture('shake'):
        display.show(random.randint(1, 6))
        rolls += 1
    sleep(50)
print('rolls', rolls)
