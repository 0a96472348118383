# Wrong: writes Image.heart in lower case; pictures are in CAPITALS, so the program stops with an
# error at the first press of A.
from microbit import *

while True:
    if button_a.was_pressed():
        display.show(Image.heart)
    if button_b.was_pressed():
        display.show(Image.HAPPY)
    sleep(20)
