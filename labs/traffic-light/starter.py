from machine import Pin
import time

red, yellow, green = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)

# stato -> (rosso, giallo, verde, millisecondi) / state -> (red, yellow, green, ms)
STATES = {"GREEN": (0, 0, 1, 3000)}
state = "GREEN"
while True:
    r, y, g, ms = STATES[state]
    red.value(r); yellow.value(y); green.value(g)
    time.sleep_ms(ms)
