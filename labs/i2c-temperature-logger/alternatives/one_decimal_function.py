# Style: a function returns the temperature; prints "T = 21.5" with one decimal and spaces, and
# a title line first.
from machine import I2C, Pin
import time

i2c = I2C(0, sda=Pin(8), scl=Pin(9), freq=100000)


def read_celsius():
    b0, b1 = i2c.readfrom_mem(0x48, 0, 2)
    return (((b0 << 8) | b1) >> 4) * 0.0625


print("Registro temperatura")
while True:
    print("T = {:.1f}".format(read_celsius()))
    time.sleep(1)
