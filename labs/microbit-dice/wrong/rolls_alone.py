# Wrong: forgets the "if" of the shake: a new number appears every half second, even when
# nobody moves the micro:bit.
from microbit import *
import random

while True:
    display.show(random.randint(1, 6))
    sleep(500)
