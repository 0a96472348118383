# Style: a non-blocking state machine with ticks_ms: the loop never sleeps long, each state
# knows how long it lasts, and an interrupt on the button's falling edge records the call.
from machine import Pin
import time

green = Pin(13, Pin.OUT)
red = Pin(15, Pin.OUT)
walk = Pin("LED", Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
called = False


def on_press(pin):
    global called
    called = True


button.irq(trigger=Pin.IRQ_FALLING, handler=on_press)
# state: (green, red, walk, ms it lasts, next state); state 0 waits for a call
STATES = {0: (1, 0, 0, None, 1), 1: (1, 0, 0, 1000, 2), 2: (0, 1, 0, 1000, 3),
          3: (0, 1, 1, 4000, 4), 4: (0, 1, 0, 1000, 0)}
state = 0
since = time.ticks_ms()
while True:
    g, r, w, lasts, nxt = STATES[state]
    green.value(g)
    red.value(r)
    walk.value(w)
    now = time.ticks_ms()
    if state == 0 and called:
        state, since = 1, now
    elif lasts is not None and time.ticks_diff(now, since) >= lasts:
        state, since = nxt, now
        called = False
    time.sleep_ms(10)
