# Style: a small class that averages the last 4 readings (less flicker) and uses ticks_ms
# to update every 20 ms.
from machine import Pin, PWM, ADC
import time


class Dimmer:
    def __init__(self, adc_pin, led_pin):
        self.adc = ADC(adc_pin)
        self.led = PWM(Pin(led_pin), freq=1000)
        self.last = [0, 0, 0, 0]

    def update(self):
        self.last = self.last[1:] + [self.adc.read_u16()]
        self.led.duty_u16(sum(self.last) // 4)


dimmer = Dimmer(26, 15)
next_t = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), next_t) >= 0:
        dimmer.update()
        next_t = time.ticks_add(next_t, 20)
    time.sleep_ms(5)
