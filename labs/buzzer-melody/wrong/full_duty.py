# Wrong: uses duty_u16(65535), a signal that is always high: a passive buzzer needs the signal to
# go up and down (half the time, 32768) to make a sound, so it stays silent.
from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    buzzer.duty_u16(65535)
    time.sleep_ms(300)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
