# Kit lesson troubleshooting: the program looks for the LCD at 0x27 and 0x3F; with no display
# wired, the scan is empty and the first write fails with EIO, as on a Pico.
# seconds: 1
# stdout: []
# stdout: LCD non trovato: [Errno 5] EIO
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(1), sda=Pin(0), freq=400000)
print(i2c.scan())
try:
    i2c.writeto(0x27, bytes([0x08]))
except OSError as error:
    print("LCD non trovato:", error)
