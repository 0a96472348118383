# Wrong: uses address 0x49, where there is no sensor (OSError), and prints nothing.
from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
while True:
    data = i2c.readfrom_mem(0x49, 0, 2)
    time.sleep(1)
