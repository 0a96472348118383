# Correct, another style: a small class remembers the state and the time of the next change;
# the loop polls it every 10 ms with ticks_ms scheduling.
from machine import Pin
import time


class Blinker:
    def __init__(self, pin, half_period_ms):
        self.led = Pin(pin, Pin.OUT)
        self.half = half_period_ms
        self.lit = False
        self.due = time.ticks_ms()

    def update(self):
        if time.ticks_diff(time.ticks_ms(), self.due) >= 0:
            self.lit = not self.lit
            self.led.value(self.lit)
            self.due = time.ticks_add(self.due, self.half)


blinker = Blinker("LED", 250)
while True:
    blinker.update()
    time.sleep_ms(10)
