# Pico: an ultrasonic ruler: HC-SR04 with trigger on GP3 and echo on GP2 (through a divider).
# Teaches machine.time_pulse_us(): cm = echo microseconds / 58; a negative result means no echo.
from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT, value=0)
echo = Pin(2, Pin.IN)
for _ in range(10):
    trig.on()
    time.sleep_us(10)
    trig.off()
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        print("no echo (code %d)" % us)
    else:
        cm = us / 58
        print("%5.1f cm %s" % (cm, "#" * int(cm // 10)))   # one # every 10 cm
    time.sleep_ms(500)
