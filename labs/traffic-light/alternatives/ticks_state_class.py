# Correct, another style: a class holds the state and the time it started; the loop checks
# time.ticks_ms() every 20 ms and moves to the next state when its time is up.
from machine import Pin
import time


class TrafficLight:
    ORDER = [("GREEN", 3000), ("YELLOW", 1000), ("RED", 3000)]

    def __init__(self):
        self.lamps = {"RED": Pin(15, Pin.OUT), "YELLOW": Pin(14, Pin.OUT), "GREEN": Pin(13, Pin.OUT)}
        self.index = 0
        self.since = time.ticks_ms()
        self.show()

    def show(self):
        name = self.ORDER[self.index][0]
        for lamp_name, lamp in self.lamps.items():
            if lamp_name != name:
                lamp.off()
        self.lamps[name].on()

    def update(self):
        duration = self.ORDER[self.index][1]
        if time.ticks_diff(time.ticks_ms(), self.since) >= duration:
            self.since = time.ticks_add(self.since, duration)
            self.index = (self.index + 1) % len(self.ORDER)
            self.show()


light = TrafficLight()
while True:
    light.update()
    time.sleep_ms(20)
