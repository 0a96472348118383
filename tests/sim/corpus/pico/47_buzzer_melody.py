# A passive buzzer on GP18 plays a scale with PWM frequencies.
# seconds: 3
# scenario: {"devices": [{"type": "buzzer", "pin": 18}]}
# event: pwm:18 freq 1907,262,294,330,349
from machine import Pin, PWM
import time

buzzer = PWM(Pin(18))
for f in (262, 294, 330, 349):
    buzzer.freq(f)
    buzzer.duty_u16(30000)
    time.sleep_ms(200)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
buzzer.deinit()
