# Wrong: forgets that the sound goes and comes back (µs x 0.0343 without / 2): every distance
# reads double, so 10 cm looks like 19.9 cm and 15 cm like 30 cm.
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
    cm = us * 0.0343
    alarm.value(0 < cm < 20)
    time.sleep_ms(100)
