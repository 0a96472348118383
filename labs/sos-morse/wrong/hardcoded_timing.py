# Wrong: hard-codes the length of the public test: three SOS (about 20 s) cover the 15 s you see,
# then the LED goes dark (it must repeat forever; the hidden test lasts longer).
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
for _ in range(3):
    for i, ms in enumerate((200, 200, 200, 600, 600, 600, 200, 200, 200)):
        led.on()
        time.sleep_ms(ms)
        led.off()
        time.sleep_ms(600 if i in (2, 5) else 200)
    time.sleep_ms(1200)
