# Correct, another style: a general Morse sender with a small code table, a send() function for
# any word and the pauses counted in units (1 unit = 200 ms).
from machine import Pin
import time

UNIT = 200
CODE = {"S": "...", "O": "---"}
led = Pin("LED", Pin.OUT)


def send(word):
    for i, letter in enumerate(word):
        for j, mark in enumerate(CODE[letter]):
            led.on()
            time.sleep_ms(UNIT if mark == "." else 3 * UNIT)
            led.off()
            if j < len(CODE[letter]) - 1:
                time.sleep_ms(UNIT)          # between signals
        if i < len(word) - 1:
            time.sleep_ms(3 * UNIT)          # between letters
    time.sleep_ms(7 * UNIT)                  # between words


while True:
    send("SOS")
