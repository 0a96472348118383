# HC-SR04 on the ESP32 (trigger 5, echo 18): an alarm LED when closer than 20 cm.
# seconds: 2
# scenario: {"devices": [{"type": "hcsr04", "trigger": 5, "echo": 18, "curve": [[0, 80], [1000, 10]]}]}
# event: pin:2 value 0,1
from machine import Pin, time_pulse_us
import time

trig = Pin(5, Pin.OUT)
echo = Pin(18, Pin.IN)
alarm = Pin(2, Pin.OUT)
while True:
    trig.off()
    time.sleep_us(2)
    trig.on()
    time.sleep_us(10)
    trig.off()
    d = time_pulse_us(echo, 1, 30000) / 58
    alarm.value(1 if 0 < d < 20 else 0)
    time.sleep_ms(100)
