# Style: a state machine driven by time.ticks_ms (no blocking wait for the heart), with
# random.uniform for the delay.
from microbit import *
import random
import time

state = "start"
go_at = 0
start = 0
while True:
    now = time.ticks_ms()
    if state == "start":
        display.show(Image.ASLEEP)
        go_at = time.ticks_add(now, int(random.uniform(1.0, 3.0) * 1000))
        state = "waiting"
    elif state == "waiting" and time.ticks_diff(now, go_at) >= 0:
        display.show(Image.HEART)
        start = time.ticks_ms()
        state = "go"
    elif state == "go" and button_a.is_pressed():
        display.scroll(str(time.ticks_diff(time.ticks_ms(), start)))
        state = "start"
    sleep(2)
