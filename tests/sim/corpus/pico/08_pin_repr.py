# print(pin) shows the pin as the rp2 firmware does.
# seconds: 0.5
# stdout: Pin(GPIO15, mode=OUT, pull=PULL_UP)
# stdout: Pin(GPIO4, mode=IN, pull=PULL_DOWN)
from machine import Pin

print(Pin(15, Pin.OUT, Pin.PULL_UP))
print(Pin(4, Pin.IN, Pin.PULL_DOWN))
