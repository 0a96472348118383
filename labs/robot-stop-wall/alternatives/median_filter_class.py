# Alternative (a class, median of three pings): a Robot object with forward()/stop() and a
# distance that takes the middle of three readings, so one odd echo cannot stop it early.
from machine import Pin, PWM, time_pulse_us
import time


class Robot:
    def __init__(self):
        self.wheels = [PWM(Pin(8), freq=1000), PWM(Pin(10), freq=1000)]
        self.trig = Pin(16, Pin.OUT, value=0)
        self.echo = Pin(17, Pin.IN)

    def forward(self, duty):
        for w in self.wheels:
            w.duty_u16(duty)

    def stop(self):
        self.forward(0)

    def ping(self):
        self.trig.value(1)
        time.sleep_us(10)
        self.trig.value(0)
        us = time_pulse_us(self.echo, 1, 30000)
        return 999 if us < 0 else us / 58

    def distance(self):
        readings = []
        for _ in range(3):
            readings.append(self.ping())
            time.sleep_ms(20)
        readings.sort()
        return readings[1]


robot = Robot()
robot.forward(38000)
while robot.distance() > 16:
    pass
robot.stop()
