# On the esp32 a device that does not answer raises OSError ENODEV (19).
# seconds: 0.5
# stdout: 19
from machine import SoftI2C, Pin

i2c = SoftI2C(scl=Pin(22), sda=Pin(21))
try:
    i2c.writeto(0x27, b"\x00")
except OSError as e:
    print(e.args[0])
