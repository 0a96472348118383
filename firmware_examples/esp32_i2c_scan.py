# ESP32: scan the I2C bus (SCL 18, SDA 19) and print the addresses found.
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(18), sda=Pin(19))
print("devices:", [hex(a) for a in i2c.scan()])
