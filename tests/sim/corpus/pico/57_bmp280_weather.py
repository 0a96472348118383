# Kit lesson "stazione meteo BMP280": chip id, calibration, forced measurement, then the
# datasheet's compensation formulas give the temperature and the pressure back.
# seconds: 2
# scenario: {"devices": [{"type": "bmp280", "temperature": 23.4, "pressure": 1009.8}]}
# stdout: [118]
# stdout: id 0x58
# stdout: 23.4 C 1009.8 hPa
from machine import I2C, Pin
import struct
import time

ADDR = 0x76
i2c = I2C(0, scl=Pin(5), sda=Pin(4))
print(i2c.scan())
print("id", hex(i2c.readfrom_mem(ADDR, 0xD0, 1)[0]))
cal = struct.unpack("<HhhHhhhhhhhh", i2c.readfrom_mem(ADDR, 0x88, 24))
T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9 = cal
i2c.writeto_mem(ADDR, 0xF4, bytes([0b00100101]))  # x1 temperature, x1 pressure, forced
time.sleep_ms(10)
d = i2c.readfrom_mem(ADDR, 0xF7, 6)
adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
v1 = (adc_t / 16384 - T1 / 1024) * T2
v2 = (adc_t / 131072 - T1 / 8192) ** 2 * T3
t_fine = v1 + v2
temp = t_fine / 5120
v1 = t_fine / 2 - 64000
v2 = v1 * v1 * P6 / 32768 + v1 * P5 * 2
v2 = v2 / 4 + P4 * 65536
v1 = (P3 * v1 * v1 / 524288 + P2 * v1) / 524288
v1 = (1 + v1 / 32768) * P1
p = 1048576 - adc_p
p = (p - v2 / 4096) * 6250 / v1
v1 = P9 * p * p / 2147483648
v2 = p * P8 / 32768
p = p + (v1 + v2 + P7) / 16
print("%.1f C %.1f hPa" % (temp, p / 100))
