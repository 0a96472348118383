# Wrong: shows 6 at every shake (the starter's number was never changed): a dice that always
# gives the same number.
from microbit import *

while True:
    if accelerometer.was_gesture("shake"):
        display.show(6)
    sleep(20)
