# Wrong: reads the sensor once before the loop and prints that same value forever.
from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
data = i2c.readfrom_mem(0x48, 0, 2)
t = (((data[0] << 8) | data[1]) >> 4) * 0.0625
while True:
    print("T=%.2f" % t)
    time.sleep(1)
