# Wrong: ignores button A: after the heart it shows a random "reaction time".
from microbit import *
import random
while True:
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    display.show(Image.HEART)
    sleep(500)
    display.scroll(str(random.randint(150, 400)))
