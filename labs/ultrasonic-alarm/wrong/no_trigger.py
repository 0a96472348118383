# Wrong: never sends the trigger pulse, so the sensor never answers.
from machine import Pin, time_pulse_us
import time
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)
while True:
    us = time_pulse_us(echo, 1, 30000)
    alarm.value(0 < us / 58 < 20)
    time.sleep_ms(100)
