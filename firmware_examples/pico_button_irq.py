# Pico: count button presses (GP14 to GND) with a pin interrupt, printing the total.
# The handler ignores edges closer than 50 ms to the last one (contact bounce); the main loop prints.
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
presses = 0
last_edge = time.ticks_ms()


def on_press(pin):
    global presses, last_edge
    now = time.ticks_ms()
    if time.ticks_diff(now, last_edge) > 50:
        presses += 1
    last_edge = now


button.irq(trigger=Pin.IRQ_FALLING, handler=on_press)
shown = 0
while True:
    if presses != shown:
        shown = presses
        print("presses:", shown)
    time.sleep_ms(100)
