# An SH1106 OLED (the 1.3" kind) on the ESP32 counts up, one update a second.
# seconds: 3.5
# scenario: {"devices": [{"type": "sh1106"}]}
# stdout: 0
# stdout: 1
# stdout: 2
# stdout: 3
# events-min: oled:3c frame 4
from machine import Pin, SoftI2C
import sh1106
import time

i2c = SoftI2C(scl=Pin(22), sda=Pin(21))
display = sh1106.SH1106_I2C(128, 64, i2c, addr=0x3C)
for n in range(4):
    display.fill(0)
    display.text("Conta: %d" % n, 0, 28)
    display.show()
    print(n)
    time.sleep(1)
