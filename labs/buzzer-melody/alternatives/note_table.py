# Correct, another style: table-driven. A dictionary turns note names into frequencies and the
# melody is a list of (note, milliseconds); a play() function plays one note and the silence after it.
from machine import Pin, PWM
import time

FREQ = {"do": 262, "re": 294, "mi": 330, "fa": 349, "sol": 392}
MELODY = [("do", 300), ("re", 300), ("mi", 300), ("fa", 300), ("sol", 300)]
buzzer = PWM(Pin(16))


def play(note, ms):
    buzzer.freq(FREQ[note])
    buzzer.duty_u16(32768)
    time.sleep_ms(ms)
    buzzer.duty_u16(0)
    time.sleep_ms(80)


for note, ms in MELODY:
    play(note, ms)
