# Pico: scan I2C bus 0 (SDA GP8, SCL GP9) and show the raw bytes of each device's registers 0 and 1.
# Teaches I2C.scan() and readfrom_mem(): what comes back is bytes, to be decoded with the datasheet.
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
for address in i2c.scan():
    print("device at", hex(address))
    for register in (0, 1):
        data = i2c.readfrom_mem(address, register, 2)
        print("  register", register, "->", " ".join("%02x" % b for b in data))
