# Wrong: the list of frequencies has mi and sol swapped (do re sol fa mi).
from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
for f in [262, 294, 392, 349, 330]:
    buzzer.freq(f)
    buzzer.duty_u16(32768)
    time.sleep_ms(300)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
