# Style: get_presses() counts every press of A since the last look; the number scrolls only
# when it changes.
from microbit import *

count = 0
shown = -1
while True:
    count += button_a.get_presses()
    if button_b.was_pressed():
        count = 0
    if count != shown:
        display.show(count)
        shown = count
    sleep(50)
