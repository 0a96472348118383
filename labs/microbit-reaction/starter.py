from microbit import *
import random

while True:
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    # mostra il cuore e misura il tempo / show the heart and measure the time
