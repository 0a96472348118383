# Scan the I2C bus and read a TMP102 temperature sensor.
# seconds: 1
# scenario: {"devices": [{"type": "tmp102", "address": 72, "curve": 23.5}]}
# stdout: [72]
# stdout: 23.5
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(9), sda=Pin(8), freq=400000)
print(i2c.scan())
data = i2c.readfrom_mem(0x48, 0, 2)
raw = (data[0] << 4) | (data[1] >> 4)
print(raw * 0.0625)
