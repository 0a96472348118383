# Style: current_gesture(); while the board is being shaken the numbers roll on the display,
# then the last one stays: a dice that "spins".
from microbit import *
import random

while True:
    if accelerometer.current_gesture() == "shake":
        while accelerometer.current_gesture() == "shake":
            display.show(random.randint(1, 6))
            sleep(80)
    sleep(20)
