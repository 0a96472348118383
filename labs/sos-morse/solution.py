from machine import Pin
import time

led = Pin("LED", Pin.OUT)


def signal(ms):
    led.on()
    time.sleep_ms(ms)
    led.off()
    time.sleep_ms(200)      # pause between two signals


def letter(ms):
    for _ in range(3):
        signal(ms)
    time.sleep_ms(400)      # 200 + 400 = 600 ms between two letters


while True:
    letter(200)             # S
    letter(600)             # O
    letter(200)             # S
    time.sleep_ms(800)      # 200 + 400 + 800 = 1400 ms between two words
