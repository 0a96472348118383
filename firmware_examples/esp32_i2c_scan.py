# ESP32: scan the I2C bus on the ESP32's usual pins (SDA GPIO21, SCL GPIO22) and print the addresses found.
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(22), sda=Pin(21))
print("devices:", [hex(a) for a in i2c.scan()])
