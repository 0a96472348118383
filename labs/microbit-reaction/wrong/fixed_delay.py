# Wrong: always waits exactly 2 seconds before the heart, so the player can learn the timing.
from microbit import *
while True:
    display.show(Image.ASLEEP)
    sleep(2000)
    display.show(Image.HEART)
    start = running_time()
    while not button_a.is_pressed():
        sleep(1)
    display.scroll(str(running_time() - start))
