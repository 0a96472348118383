# scenario: {"seconds": 2, "devices": [{"type": "mpu6050", "accel": {"x": 0, "y": [[0, 0], [400, 0], [900, -0.5]], "z": 1}}]}
# expect: {"stdout": ["[104]", "asleep 0", "ok 0.0", "tilt -0.5"], "events": [["display", "image", "00900:09000:99999:09000:00900"]]}
# An MPU6050 on the micro:bit's I2C pins (19, 20): woken up by the program, which shows an arrow
# when the board tilts; before the wake-up the sensor reads zeros, as a real one does.
from microbit import i2c, display, Image, sleep

MPU = 0x68
print(i2c.scan())


def accel_y():
    i2c.write(MPU, bytes([0x3D]))
    hi, lo = i2c.read(MPU, 2)
    value = hi << 8 | lo
    return (value - 65536 if value > 32767 else value) / 16384


print("asleep", int(accel_y()))
i2c.write(MPU, bytes([0x6B, 0]))
print("ok", accel_y())
sleep(1000)
y = accel_y()
print("tilt", y)
if y < -0.3:
    display.show(Image.ARROW_W)
