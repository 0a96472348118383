# Style: ticks_ms scheduling every 60 ms and the average of the last 3 distances (steadier
# alarm); a reading with no echo (-1 or -2) is skipped.
from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT)
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)
recent = []
next_ms = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_ms) >= 0:
        next_ms = time.ticks_add(next_ms, 60)
        trig.on()
        time.sleep_us(10)
        trig.off()
        us = time_pulse_us(echo, 1, 30000)
        if us > 0:
            recent = (recent + [us / 58])[-3:]
            average = sum(recent) / len(recent)
            alarm.value(1 if average < 20 else 0)
    time.sleep_ms(5)
