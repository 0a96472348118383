# Style: a Sonar class that uses the speed of sound (0.0343 cm/µs, halved for the way back)
# and an if/else with on() and off().
from machine import Pin, time_pulse_us
import time


class Sonar:
    def __init__(self, trigger, echo):
        self.trigger = Pin(trigger, Pin.OUT)
        self.echo = Pin(echo, Pin.IN)
        self.trigger.off()

    def distance_cm(self):
        self.trigger.on()
        time.sleep_us(10)
        self.trigger.off()
        us = time_pulse_us(self.echo, 1, 30000)
        if us < 0:
            return None
        return us * 0.0343 / 2


sonar = Sonar(3, 2)
alarm = Pin(15, Pin.OUT)
while True:
    d = sonar.distance_cm()
    if d is not None and d < 20:
        alarm.on()
    else:
        alarm.off()
    time.sleep_ms(100)
