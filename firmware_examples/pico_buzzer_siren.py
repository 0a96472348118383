# Pico: a two-tone siren on a passive buzzer (GP16) for 3 seconds, then silence.
# Teaches PWM.freq() and duty_u16(): the frequency is the pitch, duty 0 is silence.
from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
buzzer.duty_u16(32768)          # half the time high: a clear tone
for _ in range(3):
    for freq in (660, 880):     # low tone, high tone
        buzzer.freq(freq)
        time.sleep_ms(500)
buzzer.duty_u16(0)              # silence
buzzer.deinit()                 # release the pin
