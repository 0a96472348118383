# Wrong: forgets the brackets (button_a.was_pressed without ()), so both "if"s are always true
# and the display shows both pictures over and over without waiting for the buttons.
from microbit import *

while True:
    if button_a.was_pressed:
        display.show(Image.HEART)
    if button_b.was_pressed:
        display.show(Image.HAPPY)
    sleep(20)
