# Wrong: rolls when button A is pressed instead of when the micro:bit is shaken.
from microbit import *
import random

while True:
    if button_a.was_pressed():
        display.show(random.randint(1, 6))
    sleep(20)
