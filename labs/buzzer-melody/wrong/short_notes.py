# Wrong: every note lasts only 100 ms instead of 300 ms.
from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    buzzer.duty_u16(32768)
    time.sleep_ms(100)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
