# Kit lesson "altimetro": a BMP280 at 0x77 in normal mode, read with the datasheet's integer
# compensation (as the common drivers do), then the altitude from the pressure.
# seconds: 2
# scenario: {"devices": [{"type": "bmp280", "address": 119, "temperature": 18.25, "pressure": 1001.0}]}
# stdout: [119]
# stdout: T=18.25
# stdout: P=1001.00
# stdout: h=102 m
from machine import SoftI2C, Pin
import struct
import time

i2c = SoftI2C(scl=Pin(22), sda=Pin(21))
print(i2c.scan())
T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9 = struct.unpack(
    "<HhhHhhhhhhhh", i2c.readfrom_mem(0x77, 0x88, 24))
i2c.writeto(0x77, bytes([0xF4, 0x27]))  # normal mode, x1 oversampling
time.sleep_ms(50)
d = i2c.readfrom_mem(0x77, 0xF7, 6)
adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
var1 = (((adc_t >> 3) - (T1 << 1)) * T2) >> 11
var2 = (((((adc_t >> 4) - T1) * ((adc_t >> 4) - T1)) >> 12) * T3) >> 14
t_fine = var1 + var2
print("T=%.2f" % (((t_fine * 5 + 128) >> 8) / 100))
var1 = t_fine - 128000
var2 = var1 * var1 * P6 + ((var1 * P5) << 17) + (P4 << 35)
var1 = ((var1 * var1 * P3) >> 8) + ((var1 * P2) << 12)
var1 = (((1 << 47) + var1) * P1) >> 33
p = 1048576 - adc_p
p = (((p << 31) - var2) * 3125) // var1
var1 = (P9 * (p >> 13) * (p >> 13)) >> 25
var2 = (P8 * p) >> 19
p = ((p + var1 + var2) >> 8) + (P7 << 4)
hpa = p / 25600
print("P=%.2f" % hpa)
print("h=%d m" % round(44330 * (1 - (hpa / 1013.25) ** 0.1903)))
