# Pico: count button presses (GP14 to GND) with a pin interrupt, printing the total.
# The interrupt only notes when the pin last changed (bounces included). The main loop trusts
# the pin once it has been quiet for 50 ms and counts a press when that steady level goes from
# 1 to 0: a held button counts once, and the bounces of the release never count.
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
last_change = time.ticks_ms()


def on_change(pin):
    global last_change
    last_change = time.ticks_ms()


button.irq(trigger=Pin.IRQ_FALLING | Pin.IRQ_RISING, handler=on_change)
presses = 0
steady = 1  # 1 = released
while True:
    if time.ticks_diff(time.ticks_ms(), last_change) > 50:
        level = button.value()
        if level != steady:
            steady = level
            if level == 0:
                presses += 1
                print("presses:", presses)
    time.sleep_ms(10)
