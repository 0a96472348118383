# Wrong: prints only the first byte (whole degrees), so 21.5 °C is printed as 21.
from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
while True:
    data = i2c.readfrom_mem(0x48, 0, 2)
    print("T=%d" % data[0])
    time.sleep(1)
