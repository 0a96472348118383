# HC-SR04 distance: trigger on GP3, echo on GP2.
# seconds: 1
# scenario: {"devices": [{"type": "hcsr04", "trigger": 3, "echo": 2, "curve": 50}]}
# stdout-has: cm
from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT)
echo = Pin(2, Pin.IN)
trig.low()
time.sleep_us(2)
trig.high()
time.sleep_us(10)
trig.low()
t = time_pulse_us(echo, 1, 30000)
print(round(t * 0.0343 / 2), "cm")
