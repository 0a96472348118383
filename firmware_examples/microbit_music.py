# micro:bit: play a tune and show a countdown.
from microbit import *
import music

for n in range(3, 0, -1):
    display.show(n)
    sleep(300)
music.play(["c4:4", "e", "g", "c5:8"])
display.show(Image.YES)
