# A TMP102 on the default I2C pins (SCL 22, SDA 21).
# seconds: 0.5
# scenario: {"devices": [{"type": "tmp102", "curve": 19.0}]}
# stdout: 19.0
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(22), sda=Pin(21), freq=100000)
raw = i2c.readfrom_mem(0x48, 0, 2)
print(((raw[0] << 4) | (raw[1] >> 4)) * 0.0625)
