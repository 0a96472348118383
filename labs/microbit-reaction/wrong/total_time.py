# Wrong: shows running_time() (the time since the start) instead of the time since the heart.
from microbit import *
import random
while True:
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    display.show(Image.HEART)
    while not button_a.is_pressed():
        sleep(1)
    display.scroll(str(running_time()))
