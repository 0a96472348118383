# Pico: send any word in Morse code on the onboard LED, with a dictionary and a time unit of 120 ms.
# Teaches functions, loops and sleep_ms(): dot = 1 unit, dash = 3, gaps 1 (signs), 3 (letters), 7 (words).
from machine import Pin
import time

UNIT = 120
CODE = {"C": "-.-.", "I": "..", "A": ".-", "O": "---"}
led = Pin("LED", Pin.OUT)


def send_letter(pattern):
    for sign in pattern:
        led.on()
        time.sleep_ms(UNIT if sign == "." else 3 * UNIT)
        led.off()
        time.sleep_ms(UNIT)
    time.sleep_ms(2 * UNIT)          # 1 + 2 = 3 units between letters


for _ in range(2):
    for letter in "CIAO":
        send_letter(CODE[letter])
    time.sleep_ms(4 * UNIT)          # 3 + 4 = 7 units between words
