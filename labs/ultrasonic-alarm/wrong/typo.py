# Wrong: uses echo without creating it (NameError) and never drives the alarm.
from machine import Pin, time_pulse_us
import time
trig = Pin(3, Pin.OUT)
while True:
    trig.on()
    time.sleep_us(10)
    trig.off()
    us = time_pulse_us(echo, 1, 30000)
