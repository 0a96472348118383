# Pin(id, mode, 0): no pull resistor, accepted by the esp32 firmware.
# seconds: 0.5
# stdout: Pin(5)
from machine import Pin

print(Pin(5, Pin.IN, 0))
