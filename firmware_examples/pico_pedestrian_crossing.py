# Pico: a pedestrian crossing as a state machine with a table (red GP15, green GP13, button GP14 to GND:
# the reference kit's pins).
# Teaches states + transitions: WAIT until the button, WALK (green), HURRY (green blinks), back to WAIT.
from machine import Pin
import time

red, green = Pin(15, Pin.OUT), Pin(13, Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
# state: (red, green, blink green?, how long in ms or None = until the button, next state)
STATES = {"WAIT": (1, 0, False, None, "WALK"),
          "WALK": (0, 1, False, 4000, "HURRY"),
          "HURRY": (0, 1, True, 2000, "WAIT")}
state, entered = "WAIT", time.ticks_ms()
while True:
    r, g, blink, length, following = STATES[state]
    elapsed = time.ticks_diff(time.ticks_ms(), entered)
    red.value(r)
    green.value(g and not (blink and elapsed // 250 % 2))
    if (length is None and button.value() == 0) or (length is not None and elapsed >= length):
        state, entered = following, time.ticks_ms()
    time.sleep_ms(10)
