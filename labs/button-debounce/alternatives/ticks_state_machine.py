# Style: a small class that debounces by time with ticks_ms: the button state counts only after
# it has stayed the same for 20 ms; the LED toggles when the stable state becomes "pressed".
from machine import Pin
import time


class Debouncer:
    def __init__(self, pin, stable_ms=20):
        self.pin = pin
        self.stable_ms = stable_ms
        self.state = pin.value()
        self.candidate = self.state
        self.since = time.ticks_ms()

    def pressed_now(self):
        raw = self.pin.value()
        now = time.ticks_ms()
        if raw != self.candidate:
            self.candidate = raw
            self.since = now
        elif raw != self.state and time.ticks_diff(now, self.since) >= self.stable_ms:
            self.state = raw
            return raw == 0
        return False


button = Debouncer(Pin(14, Pin.IN, Pin.PULL_UP))
led = Pin(15, Pin.OUT)
led.off()
while True:
    if button.pressed_now():
        led.toggle()
    time.sleep_ms(2)
