# Wrong: ignores the sensor: it triggers and measures, but the alarm just beeps every second.
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
    alarm.toggle()
    time.sleep(1)
