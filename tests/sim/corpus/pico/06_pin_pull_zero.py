# Pin(id, mode, 0): pull 0 means no pull resistor on both firmwares.
# seconds: 0.5
# stdout: Pin(GPIO16, mode=IN)
# stdout: ok
from machine import Pin

p = Pin(16, Pin.IN, 0)
print(p)
print("ok")
