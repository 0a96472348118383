# Wrong: hard-codes the length of the public test: it shares the 4 s you see among the five notes
# (750 ms each) instead of playing each note for 300 ms.
from machine import Pin, PWM
import time

TEST_MS = 4000
buzzer = PWM(Pin(16))
for f in [262, 294, 330, 349, 392]:
    buzzer.freq(f)
    buzzer.duty_u16(32768)
    time.sleep_ms(TEST_MS // 5 - 50)
    buzzer.duty_u16(0)
    time.sleep_ms(50)
