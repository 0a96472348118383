# Correct, another style: a Timer ticks every 500 ms and a table says which light is on at each
# tick of the 7 s cycle (6 ticks green, 2 yellow, 6 red).
from machine import Pin, Timer

lamps = [Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)]  # red, yellow, green
PLAN = [2] * 6 + [1] * 2 + [0] * 6  # index of the lamp that is on, tick by tick
tick = 0


def step(timer):
    global tick
    on = PLAN[tick % len(PLAN)]
    for i, lamp in enumerate(lamps):
        if i != on:
            lamp.value(0)
    lamps[on].value(1)
    tick += 1


step(None)
Timer(period=500, mode=Timer.PERIODIC, callback=step)
