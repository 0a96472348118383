# Style: clears the display just before the heart and shows the time with display.show
# (one digit at a time) instead of scroll; busy-waits on is_pressed with sleep(2).
from microbit import *
import random

while True:
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    display.clear()
    display.show(Image.HEART)
    start = running_time()
    while not button_a.is_pressed():
        sleep(2)
    display.show(str(running_time() - start))
    sleep(300)
