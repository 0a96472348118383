# print(i2c) shows the bus as the rp2 firmware does.
# seconds: 0.5
# stdout: I2C(0, freq=400000, scl=9, sda=8, timeout=50000)
from machine import I2C, Pin

print(I2C(0, scl=Pin(9), sda=Pin(8), freq=400000))
