# Wrong: changes the frequency from one note to the next without any silence in between.
from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
buzzer.duty_u16(32768)
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    time.sleep_ms(300)
buzzer.duty_u16(0)
