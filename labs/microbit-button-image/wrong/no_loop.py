# Wrong: no "while True:", so the buttons are looked at only once, at the very start, and the
# program ends before anyone presses them.
from microbit import *

if button_a.was_pressed():
    display.show(Image.HEART)
if button_b.was_pressed():
    display.show(Image.HAPPY)
