# Wrong: adds the 1400 ms word pause after the 200 ms pause of the last signal, so the LED stays
# off 1600 ms between two words.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)


def signal(ms):
    led.on()
    time.sleep_ms(ms)
    led.off()
    time.sleep_ms(200)


def letter(ms):
    for _ in range(3):
        signal(ms)
    time.sleep_ms(400)


while True:
    letter(200)
    letter(600)
    letter(200)
    time.sleep_ms(1000)
