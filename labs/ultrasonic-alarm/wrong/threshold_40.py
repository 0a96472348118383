# Wrong: the alarm threshold is 40 cm instead of 20 cm.
from machine import Pin, time_pulse_us
import time
trig = Pin(3, Pin.OUT)
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)
while True:
    trig.on()
    time.sleep_us(10)
    trig.off()
    us = time_pulse_us(echo, 1, 30000)
    alarm.value(0 < us / 58 < 40)
    time.sleep_ms(100)
