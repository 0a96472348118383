# Reading a device that is not wired raises OSError EIO, as on the rp2 firmware.
# seconds: 0.5
# stdout: []
# stdout: errore 5
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
print(i2c.scan())
try:
    i2c.readfrom(0x3C, 1)
except OSError as e:
    print("errore", e.args[0])
