from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
NOTES = [262, 294, 330, 349, 392]
for f in NOTES:
    buzzer.freq(f)
    buzzer.duty_u16(32768)
    time.sleep_ms(300)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
