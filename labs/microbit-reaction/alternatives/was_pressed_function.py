# Style: a function plays one round with was_pressed() (as in the lesson's quiz); the main loop
# calls it forever.
from microbit import *
import random


def play_round():
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    button_a.was_pressed()  # forget presses made before the heart
    display.show(Image.HEART)
    start = running_time()
    while not button_a.was_pressed():
        sleep(5)
    return running_time() - start


while True:
    reaction = play_round()
    display.scroll(reaction)
