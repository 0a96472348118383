# Wrong: plays only one round and then stops: the game must start again.
from microbit import *
import random
display.show(Image.ASLEEP)
sleep(random.randint(1000, 3000))
display.show(Image.HEART)
start = running_time()
while not button_a.is_pressed():
    sleep(1)
display.scroll(str(running_time() - start))
