# Style: the sequence as a table of steps (green, red, walk, seconds) and a function that sets
# the three lights at once.
from machine import Pin
import time

green = Pin(13, Pin.OUT)
red = Pin(15, Pin.OUT)
walk = Pin("LED", Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)

STEPS = [(1, 0, 0, 1), (0, 1, 0, 1), (0, 1, 1, 4), (0, 1, 0, 1)]


def lights(g, r, w):
    green.value(g)
    red.value(r)
    walk.value(w)


lights(1, 0, 0)
while True:
    if not button.value():
        for g, r, w, seconds in STEPS:
            lights(g, r, w)
            time.sleep(seconds)
        lights(1, 0, 0)
    time.sleep_ms(10)
