# Wrong: plays the right melody on GP15; the buzzer is on GP16.
from machine import Pin, PWM
import time

buzzer = PWM(Pin(15))
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    buzzer.duty_u16(32768)
    time.sleep_ms(300)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
