# GPIO 34-39 are inputs only: making one an output raises ValueError.
# seconds: 0.5
# error: ValueError
from machine import Pin

Pin(35, Pin.OUT)
