# Style: a TMP102 class and a Timer callback once a second; prints "Temperatura: 21.56 °C"
# using readfrom_into and a bytearray.
from machine import I2C, Pin, Timer


class TMP102:
    def __init__(self, i2c, address=0x48):
        self.i2c = i2c
        self.address = address
        self.buf = bytearray(2)

    def celsius(self):
        self.i2c.writeto(self.address, bytes([0]))
        self.i2c.readfrom_into(self.address, self.buf)
        raw = (self.buf[0] << 4) | (self.buf[1] >> 4)
        return raw / 16


sensor = TMP102(I2C(0, scl=Pin(9), sda=Pin(8)))


def log(timer):
    print("Temperatura:", sensor.celsius(), "°C")


Timer(period=1000, mode=Timer.PERIODIC, callback=log)
