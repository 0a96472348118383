# Kit lesson "accelerometro e giroscopio MPU6050": wake the sensor, read WHO_AM_I, then the
# acceleration (±2 g) and rotation (±250 °/s) registers while the board is tilted.
# seconds: 3
# scenario: {"devices": [{"type": "mpu6050", "accel": {"x": [[0, 0], [500, 0], [1000, 0.5]], "z": 1}, "gyro": {"z": 90}, "temperature": 24}]}
# stdout: [104]
# stdout: 0x68
# stdout: 0.0 0.0 1.0 90.0
# stdout: 0.5 0.0 1.0 90.0
# stdout: temp 24.0
from machine import I2C, Pin
import time

MPU = 0x68
i2c = I2C(0, scl=Pin(22), sda=Pin(21), freq=400000)
print(i2c.scan())
print(hex(i2c.readfrom_mem(MPU, 0x75, 1)[0]))
i2c.writeto_mem(MPU, 0x6B, b"\x00")  # wake up


def word(data, i):
    value = data[i] << 8 | data[i + 1]
    return value - 65536 if value > 32767 else value


def show():
    raw = i2c.readfrom_mem(MPU, 0x3B, 14)
    ax, ay, az = (word(raw, i) / 16384 for i in (0, 2, 4))
    gz = word(raw, 12) / 131
    print(round(ax, 2), round(ay, 2), round(az, 2), round(gz, 1))
    return raw


show()
time.sleep(1.5)
raw = show()
print("temp", round(word(raw, 6) / 340 + 36.53, 1))
