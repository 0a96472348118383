# Style: is_pressed() with if/elif, and a longer pause in the loop.
from microbit import *

while True:
    if button_a.is_pressed():
        display.show(Image.HEART)
    elif button_b.is_pressed():
        display.show(Image.HAPPY)
    sleep(100)
