from machine import Pin
import time

red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)
STATES = {"GREEN": (0, 0, 1, 3000, "YELLOW"), "YELLOW": (0, 1, 0, 1000, "RED"),
          "RED": (1, 0, 0, 3000, "GREEN")}
state = "GREEN"
while True:
    r, y, g, ms, nxt = STATES[state]
    red.value(r)
    yellow.value(y)
    green.value(g)
    time.sleep_ms(ms)
    state = nxt
