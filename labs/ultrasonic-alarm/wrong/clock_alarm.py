# Wrong: hard-codes the timing of the public scenario: the alarm goes on at 3.8 s and off at
# 7.4 s by the clock; the sensor is never used.
from machine import Pin
import time
alarm = Pin(15, Pin.OUT)
alarm.off()
time.sleep_ms(3800)
alarm.on()
time.sleep_ms(3600)
alarm.off()
