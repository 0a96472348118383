# Correct, another style: a Timer moves the dot every 100 ms and the colour changes as it runs;
# the position wraps round with the remainder operator %.
from machine import Pin, Timer
from neopixel import NeoPixel

np = NeoPixel(Pin(0), 8)
position = 0


def step(timer):
    global position
    np.fill((0, 0, 0))
    np[position] = (30 * position, 0, 255 - 30 * position)
    np.write()
    position = (position + 1) % 8


step(None)
Timer(period=100, mode=Timer.PERIODIC, callback=step)
