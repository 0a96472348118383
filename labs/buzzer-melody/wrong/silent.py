# Wrong: sets each note's frequency but leaves the duty at 0, so the buzzer never sounds.
from machine import Pin, PWM
import time
buzzer = PWM(Pin(16))
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    buzzer.duty_u16(0)
    time.sleep_ms(300)
