# Wrong: copies the first two lines and forgets to change button_a into button_b, so B does
# nothing and A shows the heart.
from microbit import *

while True:
    if button_a.was_pressed():
        display.show(Image.HEART)
    if button_a.was_pressed():
        display.show(Image.HAPPY)
    sleep(20)
