# Style: an interrupt (IRQ) on the falling edge sets a flag; the main loop confirms the press,
# toggles the LED and waits for the release.
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
pressed = False


def on_fall(pin):
    global pressed
    pressed = True


button.irq(handler=on_fall, trigger=Pin.IRQ_FALLING)

while True:
    if pressed:
        time.sleep_ms(10)
        if button.value() == 0:
            led.value(not led.value())
            while button.value() == 0:
                time.sleep_ms(5)
        time.sleep_ms(50)
        pressed = False
    time.sleep_ms(5)
