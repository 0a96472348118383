# Kit lesson "caratteri personalizzati": a heart stored in CGRAM slot 0, then shown beside a
# counter that updates every half second on the second line.
# seconds: 2.2
# scenario: {"devices": [{"type": "lcd1602", "address": 63}]}
# stdout: 3
# events-min: lcd:3f frame 4
from machine import I2C, Pin
import time

ADDR = 0x3F
i2c = I2C(1, scl=Pin(3), sda=Pin(2), freq=100000)


def nibble(value, rs):
    b = rs | 0x08 | value
    i2c.writeto(ADDR, bytes([b | 0x04, b]))


def send(value, rs=0):
    nibble(value & 0xF0, rs)
    nibble((value << 4) & 0xF0, rs)


for n in (0x30, 0x30, 0x30, 0x20):
    nibble(n, 0)
    time.sleep_ms(5)
for cmd in (0x28, 0x0C, 0x06, 0x01):
    send(cmd)
time.sleep_ms(2)
send(0x40)  # CGRAM slot 0
for row in (0x00, 0x0A, 0x1F, 0x1F, 0x0E, 0x04, 0x00, 0x00):
    send(row, 1)
send(0x80)
for ch in b"Ti amo ":
    send(ch, 1)
send(0, 1)  # the heart
for count in range(4):
    send(0xC0)
    for ch in b"%d" % count:
        send(ch, 1)
    time.sleep_ms(500)
print(count)
