# Wrong: ignores the knob: the LED "breathes" up and down every second.
from machine import Pin, PWM
import time
led = PWM(Pin(15), freq=1000)
while True:
    for d in list(range(0, 65535, 6553)) + list(range(65535, 0, -6553)):
        led.duty_u16(d)
        time.sleep_ms(50)
